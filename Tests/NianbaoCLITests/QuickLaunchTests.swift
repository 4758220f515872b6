import ArgumentParser
import Testing
@testable import nianbao

/// The quick start-up path must do what ArgumentParser would have done, or step aside.
@Suite struct QuickLaunchTests {
    /// What ArgumentParser makes of a command line, in QuickLaunch's terms (nil: something else).
    static func parsed(_ arguments: [String]) -> QuickLaunch? {
        guard let command = try? Nianbao.parseAsRoot(arguments) else { return nil }
        switch command {
        case let edit as Edit where edit.agency == nil && edit.year == nil && edit.form == nil && edit.previous == nil:
            return .edit(edit.file)
        case let view as View where view.previous == nil:
            return .view(view.file)
        case is Nianbao:
            return .sample
        default:
            return nil
        }
    }

    @Test(arguments: [
        [], ["edit", "2025.json"], ["view", "2025.json"], ["edit", "报告 2025.json"], ["view", "/tmp/a b/c.json"],
        ["edit", "help"], ["view", "edit"], ["edit", "=x"],
    ])
    func takesThePlainEditorCommandLines(arguments: [String]) {
        let quick = QuickLaunch(arguments: arguments)
        #expect(quick != nil)
        #expect(quick == Self.parsed(arguments), "ArgumentParser reads \(arguments) differently")
    }

    @Test(arguments: [
        ["edit"], ["view"], ["edit", "-h"], ["edit", "--help"], ["view", "--help"], ["--help"], ["-h"], ["help"],
        ["help", "edit"], ["edit", "a.json", "b.json"], ["edit", "--agency", "某局", "a.json"], ["edit", "a.json", "--year", "2025"],
        ["view", "a.json", "--previous", "b.json"], ["edit", "-"], ["edit", "--"], ["edit", ""], ["check", "a.json"],
        ["new", "x"], ["digest", "a.json"], ["fmt", "a.json"], ["--version"], ["edit", "--previous=b.json"],
    ])
    func leavesEverythingElseToArgumentParser(arguments: [String]) {
        #expect(QuickLaunch(arguments: arguments) == nil)
    }
}
