#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a finished child process left: its exit status and what it printed.
struct ChildRun {
    /// Exit status, or 128 + signal when it was killed by one.
    var status: Int32
    var output: [UInt8]
    /// The start of its error output (at most the cap given).
    var error: [UInt8]
}

/// Why a child process gave no result.
enum ChildProcessError: Error {
    /// The program is not on `PATH`.
    case notFound
    /// It ran past the time limit and was killed.
    case timedOut
    /// It printed more than the cap and was killed.
    case outputTooLarge
    /// It could not be started.
    case failed(String)
}

/// Runs a program without a shell: standard input from /dev/null, output and errors read
/// through pipes with a time limit and size caps; killed (SIGKILL) and reaped at a limit.
enum ChildProcess {
    static func run(_ arguments: [String], timeoutSeconds: Int, maxOutput: Int, maxError: Int) throws(ChildProcessError) -> ChildRun {
        var outPipe: [Int32] = [-1, -1]
        var errPipe: [Int32] = [-1, -1]
        guard pipe(&outPipe) == 0 else { throw .failed(String(cString: strerror(errno))) }
        guard pipe(&errPipe) == 0 else {
            close(outPipe[0]); close(outPipe[1])
            throw .failed(String(cString: strerror(errno)))
        }
        for fd in [outPipe[0], errPipe[0]] { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }

        #if canImport(Glibc)
        var actions = posix_spawn_file_actions_t()
        #else
        var actions: posix_spawn_file_actions_t? = nil
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        posix_spawn_file_actions_addclose(&actions, outPipe[1])
        posix_spawn_file_actions_addclose(&actions, errPipe[1])

        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
        argv.append(nil)
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ)
        close(outPipe[1])
        close(errPipe[1])
        guard spawned == 0 else {
            close(outPipe[0]); close(errPipe[0])
            if spawned == ENOENT { throw .notFound }
            throw .failed(String(cString: strerror(spawned)))
        }

        var output: [UInt8] = []
        var errors: [UInt8] = []
        var problem: ChildProcessError? = nil
        let deadline = monotonicMilliseconds() + Int64(timeoutSeconds) * 1000
        var open = [outPipe[0], errPipe[0]]
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !open.isEmpty && problem == nil {
            let left = deadline - monotonicMilliseconds()
            if left <= 0 {
                problem = .timedOut
                break
            }
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(left, 1000)))
            if ready < 0 {
                if errno == EINTR { continue }
                problem = .failed(String(cString: strerror(errno)))
                break
            }
            for entry in fds where entry.revents != 0 {
                let n = buffer.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress!, $0.count) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 {
                    close(entry.fd)
                    open.removeAll { $0 == entry.fd }
                    continue
                }
                if entry.fd == outPipe[0] {
                    output.append(contentsOf: buffer[0..<n])
                    if output.count > maxOutput { problem = .outputTooLarge }
                } else if errors.count < maxError {
                    errors.append(contentsOf: buffer[0..<min(n, maxError - errors.count)])
                }
            }
        }
        for fd in open { close(fd) }
        if problem != nil { kill(pid, SIGKILL) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        if let problem { throw problem }
        let exited = status & 0x7F == 0
        return ChildRun(status: exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F), output: output, error: errors)
    }

    static func monotonicMilliseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
    }
}
