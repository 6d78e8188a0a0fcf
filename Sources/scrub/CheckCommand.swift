import ArgumentParser
import Foundation
import ScrubKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Explain the decision a pipeline would make for one number: lists, registries, windows, rules."
    )

    @Argument(help: "The phone number, as written in a lead file.")
    var number: String

    @Option(help: "The pipeline whose lists, registries and rules apply.")
    var pipeline: String

    @Option(help: "The campaign date: YYYY-MM-DD, today or tomorrow (default: the pipeline's).")
    var date: String?

    @Option(help: "The row's country (default: the pipeline's default country).")
    var country: String?

    @Option(help: "The row's state or province.")
    var state: String?

    @Option(help: "The row's postcode.")
    var postcode: String?

    @Flag(help: "Use registries older than their maximum age.")
    var allowStale = false

    func run() throws {
        do throws(PipelineError) {
            let definition = try PipelineDefinition.load(path: pipeline)
            var overrides = PipelineDefinition()
            overrides.campaignDate = date.map { .init(value: $0, location: "--date") }
            if allowStale { overrides.allowStale = .init(value: true, location: "--allow-stale") }
            let plan = try PipelinePlan.resolve(
                definition, overrides: overrides, environment: .standard(normalizer: PhoneNormalizerStage()))
            print(
                DecisionExplainer(plan: plan).explain(
                    number, country: country?.uppercased(), state: state, postcode: postcode))
        } catch {
            printError(error.description)
            throw ExitCode(ExitStatus.code(for: error))
        }
    }
}
