import NianbaoCore

/// Namespace marker for the terminal editor library.
public enum NianbaoTUI {}
