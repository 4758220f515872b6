/// A piece of the report's prose: the preface, a text section or the sign-off.
public enum TextPart: Sendable, Hashable, CustomStringConvertible {
    /// 前言, the paragraphs before 一.
    case preface
    /// A text section (一, 五 or 六).
    case section(SectionID)
    /// 落款.
    case signOff

    /// Every part in reading order.
    public static let all: [TextPart] = [.preface] + Report.textSections.map { .section($0) } + [.signOff]

    /// Id used in files: `preface`, `s1`, `s5`, `s6`, `sign_off`.
    public var id: String {
        switch self {
        case .preface: "preface"
        case .section(let s): s.rawValue
        case .signOff: "sign_off"
        }
    }

    /// Parses an id; only text sections are accepted as sections.
    public init?(id: String) {
        switch id {
        case "preface": self = .preface
        case "sign_off": self = .signOff
        default:
            guard let s = SectionID(rawValue: id), Report.textSections.contains(s) else { return nil }
            self = .section(s)
        }
    }

    /// Chinese name for messages, e.g. `前言`, `一、总体情况`.
    public func label(in form: FormVersion) -> String {
        switch self {
        case .preface: "前言"
        case .section(let s): form.definition.section(s).title
        case .signOff: "落款"
        }
    }

    public var description: String { id }
}

/// A stretch of prose a finding points at: which part, which characters, and the sentence quoted.
public struct TextSpan: Sendable, Hashable {
    public var part: TextPart
    /// Character (grapheme cluster) offsets into that part's text, as the editor's carets count.
    public var range: Range<Int>
    /// The sentence as printed, for messages and for finding it again after edits.
    public var quote: String

    public init(part: TextPart, range: Range<Int>, quote: String) {
        self.part = part
        self.range = range
        self.quote = quote
    }
}

extension Report {
    /// The text of a prose part (the sign-off's agency for `.signOff`).
    public func text(of part: TextPart) -> String {
        switch part {
        case .preface: preface
        case .section(let s): text(s)
        case .signOff: signOff?.agency ?? ""
        }
    }
}
