/// Helpers shared by the test targets.
public enum NianbaoTestSupport {}
