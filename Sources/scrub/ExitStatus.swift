import ArgumentParser
import Foundation
import ScrubIO
import ScrubKit
import ScrubRecords

/// Maps every error that ends a command to a sysexits-style exit code, in one place.
///
/// 64 usage, 65 bad data, 66 no input, 73 cannot create output, 74 I/O error, 78 bad configuration.
enum ExitStatus {
    static let usage: Int32 = 64
    static let dataError: Int32 = 65
    static let noInput: Int32 = 66
    static let cannotCreate: Int32 = 73
    static let ioError: Int32 = 74
    static let configError: Int32 = 78

    static func code(for error: ScrubIOError) -> Int32 {
        switch error.kind {
        case .cannotOpen: return noInput
        case .io: return ioError
        case .truncatedGzip, .corruptGzip, .trailingGarbage, .badHeader: return dataError
        case .cannotCreate, .locked: return cannotCreate
        }
    }
}

extension ExitStatus {
    static func code(for error: PipelineError) -> Int32 {
        switch error.kind {
        case .configuration, .staleRegistry: return configError
        case .missingInput: return noInput
        case .badData: return dataError
        case .cannotCreateOutput: return cannotCreate
        case .io: return ioError
        case .internalError: return 70
        }
    }
}

extension ExitStatus {
    static func code(for error: RecordError) -> Int32 {
        code(for: PipelineError(error))
    }
}

/// Writes a line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data("scrub: \(message)\n".utf8))
}
