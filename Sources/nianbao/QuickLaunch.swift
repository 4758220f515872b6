/// The command lines that open the editor without going through ArgumentParser.
///
/// ArgumentParser finds a command's arguments by reflection, and on Linux the Swift runtime
/// answers the first such questions by scanning every protocol conformance in the binary: a
/// few milliseconds before the first frame. `nianbao`, `nianbao edit FILE` and
/// `nianbao view FILE` are recognised here instead and do exactly what the parsed commands
/// would do (`QuickLaunchTests` checks the two agree). Anything else — options, `--help`,
/// a second file, a path starting with `-` — is left to ArgumentParser.
enum QuickLaunch: Equatable {
    /// `nianbao`: the built-in sample.
    case sample
    /// `nianbao edit FILE`.
    case edit(String)
    /// `nianbao view FILE`.
    case view(String)

    /// The launch for these arguments (without the program name), or nil for ArgumentParser.
    init?(arguments: [String]) {
        if arguments.isEmpty {
            self = .sample
            return
        }
        guard arguments.count == 2, Self.isPlainOperand(arguments[1]) else { return nil }
        switch arguments[0] {
        case "edit": self = .edit(arguments[1])
        case "view": self = .view(arguments[1])
        default: return nil
        }
    }

    /// An argument ArgumentParser would take as a file name and nothing else.
    static func isPlainOperand(_ argument: String) -> Bool {
        !argument.isEmpty && !argument.hasPrefix("-")
    }

    /// Runs the command, as `Nianbao`, `Edit` or `View` would.
    func run() throws {
        switch self {
        case .sample: try Nianbao.openSample()
        case .edit(let file): try Edit.open(file: file)
        case .view(let file): try View.open(file: file)
        }
    }
}
