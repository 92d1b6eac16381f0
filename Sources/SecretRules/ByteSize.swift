/// Byte sizes as people write them, for `maxFileSize` in the config and `--max-file-size` on the
/// command line: one parser for both.
public enum ByteSize {
    /// "10MB" → 10485760; nil when the text is not a positive size. Accepts a plain number of
    /// bytes or a number (decimals allowed) with a unit B, K/KB/KiB, M/MB/MiB or G/GB/GiB, any
    /// case, spaces allowed. Units are binary: 1 KB = 1 KiB = 1024 bytes.
    public static func parse(_ text: String) -> Int? {
        let t = text.filter { $0 != " " }.uppercased()
        var numberPart = ""
        var unitPart = ""
        for ch in t {
            if unitPart.isEmpty && (ch.isASCII && (ch.isNumber || ch == ".")) { numberPart.append(ch) } else { unitPart.append(ch) }
        }
        guard let n = Double(numberPart), n > 0 else { return nil }
        let multipliers: [String: Double] = [
            "": 1, "B": 1, "K": 1024, "KB": 1024, "KIB": 1024, "M": 1_048_576, "MB": 1_048_576, "MIB": 1_048_576,
            "G": 1_073_741_824, "GB": 1_073_741_824, "GIB": 1_073_741_824,
        ]
        guard let m = multipliers[unitPart] else { return nil }
        let bytes = (n * m).rounded()
        guard bytes >= 1, bytes < Double(Int.max) else { return nil }
        return Int(bytes)
    }
}
