import ScrubIO
import ScrubIndex
import ScrubRecords
import ScrubRules

/// Maps every error that ends a command or a run to a sysexits-style exit code, in one place, so the
/// CLI's exit and an attempt's audit record give the same status.
///
/// 64 usage, 65 bad data, 66 no input, 70 internal error, 73 cannot create output, 74 I/O error,
/// 78 bad configuration.
public enum ExitStatus {
    public static let usage: Int32 = 64
    public static let dataError: Int32 = 65
    public static let noInput: Int32 = 66
    public static let internalError: Int32 = 70
    public static let cannotCreate: Int32 = 73
    public static let ioError: Int32 = 74
    public static let configError: Int32 = 78

    public static func code(for error: ScrubIOError) -> Int32 {
        switch error.kind {
        case .cannotOpen: noInput
        case .io: ioError
        case .truncatedGzip, .corruptGzip, .trailingGarbage, .badHeader: dataError
        case .cannotCreate, .locked: cannotCreate
        case .unsafePermissions: configError
        }
    }

    public static func code(for error: PipelineError) -> Int32 {
        switch error.kind {
        case .configuration, .staleRegistry: configError
        case .missingInput: noInput
        case .badData: dataError
        case .cannotCreateOutput: cannotCreate
        case .io: ioError
        case .internalError: internalError
        }
    }

    public static func code(for error: RecordError) -> Int32 {
        code(for: PipelineError(error))
    }

    public static func code(for error: IndexError) -> Int32 {
        switch error.kind {
        case .cannotOpen: noInput
        case .truncated, .badMagic, .unsupportedVersion, .corruptHeader, .corruptPayload, .tooManyInvalidLines,
            .tooLarge:
            dataError
        case .io: ioError
        case .cannotCreate: cannotCreate
        case .invalidArgument: usage
        }
    }
}
