package dev.duplex.cli;

/** Placeholder until the shared payload codec lands. */
final class Hex {
    private Hex() { }

    static byte[] parse(String text) {
        String digits = text.replaceAll("[\\s:]", "").replaceAll("(?i)0x", "");
        if (digits.length() % 2 != 0 || !digits.matches("[0-9a-fA-F]*")) return null;
        return java.util.HexFormat.of().parseHex(digits);
    }
}
