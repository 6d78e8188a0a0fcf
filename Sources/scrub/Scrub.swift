import ArgumentParser

@main
struct Scrub: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scrub",
        abstract: "Scrub outbound-calling lead files against Do-Not-Call registries and suppression lists.",
        subcommands: [InspectCommand.self, RegistryCommand.self, AuditCommand.self, OptOutCommand.self]
    )
}
