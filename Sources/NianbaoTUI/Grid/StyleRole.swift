/// The meaning of a screen cell; the terminal adapter maps it to colours or, without colour, to reverse/bold.
public enum StyleRole: UInt8, Sendable, Hashable, CaseIterable {
    case normal
    case header
    case nav
    case navActive
    case navProblem
    case title
    case columnHeader
    case caption
    case label
    case input
    case computed
    case cursor
    case editing
    case problem
    case cursorProblem
    case status
    case findingError
    case findingWarning
    case findingInfo
    case findingSelected
    case messageInfo
    case messageError
    case keyName
    case keyText
    case control
    case dialog

    /// One letter per role, used by screen snapshots.
    public var letter: Character {
        switch self {
        case .normal: "."
        case .header: "H"
        case .nav: "n"
        case .navActive: "N"
        case .navProblem: "p"
        case .title: "T"
        case .columnHeader: "h"
        case .caption: "c"
        case .label: "l"
        case .input: "i"
        case .computed: "m"
        case .cursor: "C"
        case .editing: "E"
        case .problem: "P"
        case .cursorProblem: "X"
        case .status: "s"
        case .findingError: "e"
        case .findingWarning: "w"
        case .findingInfo: "f"
        case .findingSelected: "F"
        case .messageInfo: "o"
        case .messageError: "R"
        case .keyName: "K"
        case .keyText: "k"
        case .control: "!"
        case .dialog: "D"
        }
    }
}
