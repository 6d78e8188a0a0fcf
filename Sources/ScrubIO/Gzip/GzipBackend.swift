// The gzip backend is chosen when the package is built: zlib by default, Intel ISA-L with the `ISAL`
// trait (`swift build --traits ISAL`). Both implement the same streaming contract (`ZlibStep`), so
// `ByteReader` and `GzipSink` do not know which one runs.
#if ISAL
    typealias Inflater = ISALInflater
    typealias Deflater = ISALDeflater
#else
    typealias Inflater = ZlibInflater
    typealias Deflater = ZlibDeflater
#endif

/// The gzip implementation this build uses.
public enum GzipBackend {
    /// `zlib`, or `isa-l` in builds with the `ISAL` trait; reports and benchmarks print it.
    #if ISAL
        public static let name = "isa-l"
    #else
        public static let name = "zlib"
    #endif
}
