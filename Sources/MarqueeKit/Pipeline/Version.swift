/// Marquee's version, printed by `marquee --version`.
public enum MarqueeVersion {
    public static let string = "0.1.0"
}
