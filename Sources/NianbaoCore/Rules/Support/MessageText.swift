/// The parts joined into one string allocated at its final size: a batch check builds millions
/// of messages, and string interpolation grows its buffer (and copies) as it goes.
func messageText(_ parts: [String]) -> String {
    var count = 0
    for part in parts { count += part.utf8.count }
    var text = String()
    text.reserveCapacity(count)
    for part in parts { text += part }
    return text
}
