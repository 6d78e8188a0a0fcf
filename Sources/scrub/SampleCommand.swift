import ArgumentParser

/// `scrub sample`: synthetic data for benchmarks and demos.
struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Generate synthetic lead files and lists for benchmarks.",
        subcommands: [SampleGenerateCommand.self]
    )
}
