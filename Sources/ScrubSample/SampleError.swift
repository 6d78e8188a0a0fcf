/// Options the generator cannot honour, with the option to change.
///
/// The generator's only error of its own: everything else that can go wrong is writing the files,
/// a `ScrubIOError`. A command maps it to the configuration exit status (78).
public struct SampleError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, naming the option (`--registry-size 10 is smaller than ...`).
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { "error: \(message)" }
}
