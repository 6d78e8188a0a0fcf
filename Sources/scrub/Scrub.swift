import ArgumentParser

@main
struct Scrub: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scrub",
        abstract: "Scrub outbound-calling lead files against Do-Not-Call registries and suppression lists.",
        subcommands: [
            RunCommand.self, CheckCommand.self, InspectCommand.self, NormalizeCommand.self, RegistryCommand.self,
            AuditCommand.self, OptOutCommand.self, KeysCommand.self, SampleCommand.self, WindowCommand.self,
            ServeCommand.self,
        ]
    )
}
