import Foundation

/// A very long synthetic statute for `lacuna bench --large`: a consolidated Act of many
/// thousand sections in Parts, as a legislation database publishes a whole code — mostly
/// administrative sections (committees, fees, records, appeals), with an interpretation
/// section, trafficking offences, victim protection and jurisdiction clauses spread through
/// it, so that the rules find something in every stretch of the text.
///
/// Laws: the same `sections` and `seed` give the same text, byte for byte; the text has
/// exactly `sections` numbered sections; its size grows linearly with `sections` (about
/// 190 bytes a section). Written in the project's own words.
public struct LargeStatute: Sendable {
    public var sections: Int
    public var seed: UInt64

    public init(sections: Int, seed: UInt64 = 1) {
        self.sections = sections
        self.seed = seed
    }

    /// Sections per Part.
    static let partLength = 250

    /// The whole text.
    public func text() -> String {
        var rng = SplitMix64(seed: seed)
        var out = "THE CONSOLIDATED PUBLIC ORDER ACT\n\nAn Act to consolidate the law on public order, labour and the protection of persons.\n"
        out.reserveCapacity(sections * 200)
        for n in 1...max(1, sections) {
            if (n - 1) % Self.partLength == 0 {
                let part = (n - 1) / Self.partLength + 1
                out += "\nPART \(part)\n\(rng.pick(Self.partTitles).uppercased())\n"
            }
            out += "\n" + section(n, &rng)
        }
        return out
    }

    /// Section `n`: an interpretation section first, then mostly administration with a
    /// trafficking provision every so often.
    func section(_ n: Int, _ rng: inout SplitMix64) -> String {
        if n == 1 {
            return """
            1. Interpretation
            In this Act, "child" means a person below the age of eighteen years, and "exploitation" includes forced labour, \
            servitude and the removal of organs.

            """
        }
        switch n % 97 {
        case 0: return offence(n, &rng)
        case 31: return victims(n, &rng)
        case 64: return jurisdiction(n, &rng)
        default: return administrative(n, &rng)
        }
    }

    func administrative(_ n: Int, _ rng: inout SplitMix64) -> String {
        let body = rng.pick(Self.bodies)
        let other = rng.below(max(1, n - 1)) + 1
        switch rng.below(4) {
        case 0:
            return """
            \(n). \(body) meetings
            (1) The \(body) shall meet at least \(rng.pick(Words.numberWords)) times a year, and at any other time its chair decides.
            (2) A member absent from three meetings in a row without leave ceases to hold office under section \(other).

            """
        case 1:
            return """
            \(n). Fees payable to the \(body)
            The \(body) may charge a fee not exceeding \(rng.int(2...90)) units for each certificate issued under section \(other).

            """
        case 2:
            return """
            \(n). Records
            (1) The \(body) shall keep a register of its decisions for \(rng.pick(Words.numberWords)) years.
            (2) The register may be inspected by any person on payment of the prescribed fee.
            (3) A copy certified by the secretary is evidence of an entry in the register.

            """
        default:
            return """
            \(n). Appeals
            A person aggrieved by a decision of the \(body) may appeal to the High Court within \(rng.int(14...60)) days of being told of it.

            """
        }
    }

    func offence(_ n: Int, _ rng: inout SplitMix64) -> String {
        """
        \(n). Trafficking in persons
        (1) A person who \(rng.pick(Self.acts)) another person by \(rng.pick(Self.means)) for the purpose of exploitation commits an offence.
        (2) A person who commits an offence under subsection (1) is liable on conviction to imprisonment for a term not exceeding \
        \(rng.int(8...25)) years.

        """
    }

    func victims(_ n: Int, _ rng: inout SplitMix64) -> String {
        """
        \(n). Assistance to victims
        The Minister shall ensure that a victim of trafficking receives \(rng.pick(Self.assistance)), whether or not the victim \
        agrees to give evidence.

        """
    }

    func jurisdiction(_ n: Int, _ rng: inout SplitMix64) -> String {
        """
        \(n). Offences committed abroad
        A citizen of the Republic who does outside the Republic an act that would be an offence under section \
        \(max(1, n - rng.int(1...60))) if done within it commits that offence.

        """
    }

    static let partTitles = ["General provisions", "Administration", "Licensing", "Labour inspection", "Offences",
                             "Protection of persons", "Records and returns", "Miscellaneous"]
    static let bodies = ["Board", "Council", "Committee", "Authority", "Commission", "Tribunal"]
    static let acts = ["recruits or transports", "harbours or receives", "transfers", "recruits, transports or harbours"]
    static let means = ["force or threat", "deception", "abuse of a position of vulnerability", "coercion or fraud"]
    static let assistance = ["safe accommodation and medical care", "counselling and legal advice", "an interpreter and medical care"]
}
