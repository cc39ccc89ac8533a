import Foundation

/// Reads the text layer of a PDF through poppler's `pdftotext` (reading order, UTF-8, no
/// page-break characters), when it is installed. PDF support is optional: without the tool
/// the error says how to install it. The tool runs with a time limit and its output is
/// capped, so a hostile PDF cannot hang Lacuna or fill its memory.
struct PDFReader {
    /// The directories searched for `pdftotext`, as in `PATH`; nil uses the process's `PATH`.
    var searchPath: String?
    var timeout: TimeInterval = 120
    var maxOutputBytes: Int = 256 << 20

    static let installHint = "reading PDF needs the pdftotext tool from poppler, which is not installed (install it with `apt-get install poppler-utils`, or `brew install poppler` on macOS), or save the document as text"

    /// The full path of `pdftotext`, or nil.
    func locate() -> String? {
        let path = searchPath ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") where !dir.isEmpty {
            let candidate = String(dir) + "/pdftotext"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// The text of the PDF at `file`; errors name `displayPath`.
    func read(file: String, displayPath: String) throws -> String {
        guard let tool = locate() else {
            throw InputError(path: displayPath, problem: "is a PDF file; \(PDFReader.installHint)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        // A file name starting with "-" would read as an option.
        process.arguments = ["-enc", "UTF-8", "-nopgbrk", file.hasPrefix("-") ? "./" + file : file, "-"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw InputError(path: displayPath, problem: "is a PDF file, and pdftotext (\(tool)) could not be started: \(error.localizedDescription)")
        }
        // Standard error is read beside standard output so that neither pipe fills up.
        let errorBox = Box()
        let errorDone = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            let data = err.fileHandleForReading.readDataToEndOfFile()
            errorBox.set(data.prefix(4096))
            errorDone.signal()
        }
        let timedOut = Flag()
        let timer = DispatchWorkItem {
            if process.isRunning {
                timedOut.set()
                process.terminate()
            }
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
        var output = Data()
        var tooLarge = false
        let handle = out.fileHandleForReading
        while true {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            if output.count + chunk.count > maxOutputBytes {
                tooLarge = true
                process.terminate()
                break
            }
            output.append(chunk)
        }
        process.waitUntilExit()
        timer.cancel()
        errorDone.wait()
        let message = String(decoding: errorBox.get(), as: UTF8.self)
        if timedOut.isSet {
            throw InputError(path: displayPath, problem: "is a PDF file that pdftotext could not read within \(Int(timeout)) seconds")
        }
        if tooLarge {
            throw InputError(path: displayPath, problem: "is a PDF file whose text is larger than \(Ingester.megabytes(maxOutputBytes))")
        }
        if process.terminationStatus != 0 {
            let lower = message.lowercased()
            if lower.contains("password") || lower.contains("encrypt") {
                throw InputError(path: displayPath, problem: "is an encrypted PDF file; remove the password and save it again")
            }
            let firstLine = message.split(separator: "\n").first.map { String($0.prefix(200)) } ?? "exit status \(process.terminationStatus)"
            throw InputError(path: displayPath, problem: "is a PDF file that pdftotext cannot read (a damaged PDF?): \(firstLine)")
        }
        var text = String(decoding: output, as: UTF8.self)
        text = text.replacingOccurrences(of: "\u{0C}", with: "\n")
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            throw InputError(path: displayPath, problem: "is a PDF file with no text layer (a scanned image?); run OCR on it first")
        }
        return text
    }

    final class Box: @unchecked Sendable {
        private var data = Data()
        private let lock = NSLock()
        func set(_ d: Data) { lock.lock(); data = d; lock.unlock() }
        func get() -> Data { lock.lock(); defer { lock.unlock() }; return data }
    }

    final class Flag: @unchecked Sendable {
        private var value = false
        private let lock = NSLock()
        func set() { lock.lock(); value = true; lock.unlock() }
        var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
    }
}

/// Legacy Office files (OLE compound documents): which kind, and whether it is an
/// encrypted Office Open XML file (a password-protected .docx is stored this way).
enum OLEInspector {
    static let magic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    static func utf16(_ s: String) -> [UInt8] { s.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }

    /// The problem to report for an OLE file.
    static func problem(_ bytes: [UInt8]) -> String {
        if XMLSafety.find(utf16("EncryptedPackage"), in: bytes[...]) != nil || XMLSafety.find(utf16("EncryptionInfo"), in: bytes[...]) != nil {
            return "is an encrypted Word file (password-protected); remove the password in Word and save it again"
        }
        if XMLSafety.find(utf16("WordDocument"), in: bytes[...]) != nil {
            return "is a legacy Word .doc file, which Lacuna does not read; save it as .docx or plain text"
        }
        if XMLSafety.find(utf16("Workbook"), in: bytes[...]) != nil {
            return "is a legacy Excel file, not a document Lacuna reads"
        }
        return "is an OLE compound file (a legacy Office document?), which Lacuna does not read; save it as .docx or plain text"
    }
}
