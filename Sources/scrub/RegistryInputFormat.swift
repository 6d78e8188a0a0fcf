import ArgumentParser
import ScrubIO
import ScrubIndex

/// The layouts a registry or suppression list can come in, and how each is read into keys.
enum RegistryInputFormat: String, ExpressibleByArgument, CaseIterable {
    /// One E.164 number a line.
    case e164
    /// The US FTC / Canada CRTC full-list layout `AAA,NNNNNNN`.
    case nanp
    /// National numbers of one region, one a line.
    case national
    /// One column of a CSV file.
    case csv

    /// Reads every input file into `collector`, each through a fresh parser of this format.
    func read(
        _ paths: [String], role: IndexMetadata.Source.Role, into collector: inout KeyCollector
    ) throws {
        for path in paths {
            let reader = try ByteReader(path: path)
            switch self {
            case .e164:
                var parser = E164LineParser()
                try collector.readLines(named: path, role: role, parser: &parser) { try reader.read(into: $0) }
            case .nanp:
                var parser = NANPLineParser()
                try collector.readLines(named: path, role: role, parser: &parser) { try reader.read(into: $0) }
            case .national, .csv:
                throw unavailable
            }
        }
    }

    /// Checks the format can be used with these options, before any input is read.
    func validate(column: String?, regions: [String]) throws {
        switch self {
        case .e164, .nanp:
            guard column == nil else { throw ValidationError("--column applies only to --format csv") }
        case .national, .csv:
            throw unavailable
        }
    }

    private var unavailable: ValidationError {
        ValidationError(
            "--format \(rawValue) needs the E.164 normaliser, which is not available in this build yet; "
                + "convert the list to one +E.164 number a line and use --format e164")
    }
}
