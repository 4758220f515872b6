#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import NianbaoCore

/// Splits a command line into options and operands before ArgumentParser sees it.
///
/// ArgumentParser's handling of a long positional list takes time that grows with the square
/// of its length (10,000 files: about 5 s). The batch commands (`check`, `status`, `sum`) take
/// any number of files and folders, so their operands are taken out here and only the options
/// (a handful of words) are parsed by ArgumentParser. Unknown options and missing values get a
/// Chinese message here; `--help` and everything about option values is left to ArgumentParser.
struct OperandPrescan: Equatable {
    /// The options, with their values, in their original order.
    var options: [String]
    /// Every operand, in order (everything after `--` included).
    var operands: [String]

    /// What a command accepts: options that take a value and options that do not.
    struct Grammar: Sendable {
        let command: String
        let valued: Set<String>
        let flags: Set<String>
        /// Options whose value must be one of a few words.
        var choices: [String: [String]] = [:]
        /// Options whose value must be a whole number.
        var integers: Set<String> = []

        /// A Chinese message when `value` is not acceptable for `option`, else nil.
        func problem(option: String, value: String) -> String? {
            let shown = TerminalSafe.sanitize(value)
            if let allowed = choices[option], !allowed.contains(value) {
                return "选项 \(option) 的值应为 \(allowed.joined(separator: "、")) 之一，而不是“\(shown)”。"
            }
            if integers.contains(option), Int(value) == nil {
                return "选项 \(option) 的值应为整数，而不是“\(shown)”。"
            }
            return nil
        }
    }

    /// A misuse found while splitting, in Chinese.
    struct Misuse: Error, Equatable, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    /// Splits `arguments` (those after the subcommand's name).
    static func split(_ arguments: [String], grammar: Grammar) throws(Misuse) -> OperandPrescan {
        var options: [String] = []
        var operands: [String] = []
        operands.reserveCapacity(arguments.count)
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            i += 1
            if argument == "--" {
                operands += arguments[i...]
                break
            }
            guard argument.hasPrefix("-"), argument != "-" else {
                operands.append(argument)
                continue
            }
            if argument == "-h" || argument == "--help" {
                options.append(argument)
                continue
            }
            let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
            if grammar.valued.contains(name) {
                options.append(argument)
                let value: String
                if name == argument {
                    guard i < arguments.count else {
                        throw Misuse(message: "选项 \(name) 需要一个值。用 nianbao \(grammar.command) --help 查看用法。")
                    }
                    value = arguments[i]
                    options.append(value)
                    i += 1
                } else {
                    value = String(argument.dropFirst(name.count + 1))
                }
                if let problem = grammar.problem(option: name, value: value) { throw Misuse(message: problem) }
            } else if grammar.flags.contains(argument) {
                options.append(argument)
            } else if grammar.flags.contains(name) {
                throw Misuse(message: "选项 \(name) 不带值。用 nianbao \(grammar.command) --help 查看用法。")
            } else {
                let shown = TerminalSafe.sanitize(name)
                throw Misuse(message: "未知选项 \(shown)。用 nianbao \(grammar.command) --help 查看用法；以 - 开头的文件名请写在 -- 之后。")
            }
        }
        return OperandPrescan(options: options, operands: operands)
    }
}

/// The batch commands (`check`, `status`, `sum`), run with their operands taken out before ArgumentParser.
enum BatchLaunch {
    /// Runs `arguments` when they start with a batch command and returns true; false leaves them to the caller.
    static func run(_ arguments: [String]) -> Bool {
        guard let name = arguments.first else { return false }
        let rest = Array(arguments.dropFirst())
        switch name {
        case "check": launch(Check.self, Check.grammar, rest) { try $0.execute(operands: $1) }
        case "status": launch(Status.self, Status.grammar, rest) { try $0.execute(operands: $1) }
        case "sum": launch(Sum.self, Sum.grammar, rest) { try $0.execute(operands: $1) }
        default: return false
        }
        return true
    }

    private static func launch<C: ParsableCommand>(_ type: C.Type, _ grammar: OperandPrescan.Grammar, _ arguments: [String],
                                                   _ body: (C, [String]) throws -> Void) {
        do {
            let split = try OperandPrescan.split(arguments, grammar: grammar)
            if split.options.contains("-h") || split.options.contains("--help") {
                Nianbao.main([grammar.command, "--help"])
                exit(0)
            }
            guard let command = try Nianbao.parseAsRoot([grammar.command] + split.options) as? C else {
                Console.error("nianbao: 无法解析 \(grammar.command) 的选项。用 nianbao \(grammar.command) --help 查看用法。\n")
                exit(2)
            }
            try body(command, split.operands)
            exit(0)
        } catch let misuse as OperandPrescan.Misuse {
            Console.error("nianbao: \(misuse.message)\n")
            exit(2)
        } catch let code as ExitCode {
            exit(code.rawValue)
        } catch {
            Nianbao.exit(withError: error)
        }
    }
}
