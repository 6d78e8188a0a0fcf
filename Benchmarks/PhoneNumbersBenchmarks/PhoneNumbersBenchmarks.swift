import Benchmark
import PhoneNumbers

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.throughput, .wallClock, .cpuTotal, .mallocCountTotal],
        maxDuration: .seconds(3)
    )
    // The inputs sit in one byte buffer, as the cells of a CSV batch do, so the loop measures the
    // normaliser rather than per-input array handling.
    let inputs = MessyPhoneMix.make(count: 100_000)
    let bytes = inputs.flatMap(\.bytes)
    var cells: [(start: Int, count: Int, region: Int)] = []
    var offset = 0
    for input in inputs {
        cells.append((offset, input.bytes.count, input.region))
        offset += input.bytes.count
    }
    let normalizers = MessyPhoneMix.regions.map { PhoneNormalizer(defaultRegion: PhoneRegion($0)) }
    _ = normalizers[0].normalize("+14155550123")  // decode the metadata outside the measurement

    // One scaled iteration normalises one input; throughput is numbers per second.
    Benchmark("normalize messy mix", configuration: .init(scalingFactor: .mega)) { benchmark in
        var accepted = 0
        bytes.withUnsafeBytes { buffer in
            normalizers.withUnsafeBufferPointer { normalizers in
                cells.withUnsafeBufferPointer { cells in
                    var index = 0
                    for _ in benchmark.scaledIterations {
                        let cell = cells[index]
                        let input = UnsafeRawBufferPointer(rebasing: buffer[cell.start..<cell.start + cell.count])
                        if normalizers[cell.region].normalize(input).number != nil { accepted &+= 1 }
                        index += 1
                        if index == cells.count { index = 0 }
                    }
                }
            }
        }
        blackHole(accepted)
    }
}
