import NianbaoCore

extension EditorState {
    /// The report with the number being typed committed (when it is a valid value), for recovery copies.
    ///
    /// A clerk who typed `1234` into a cell and has not pressed Enter yet would otherwise lose
    /// it when the terminal closes; the text sections are part of the report already.
    var recoveryReport: Report {
        guard cellEdit != nil else { return report }
        var copy = self
        _ = copy.commitEdit()
        return copy.report
    }

    /// True when something typed is neither saved nor (yet) in the report: the editor is marked
    /// modified, or a cell is being typed into with a value that differs.
    var hasUnsavedEdits: Bool {
        dirty || recoveryReport != report
    }
}
