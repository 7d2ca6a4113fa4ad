package org.parley.api;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The canonical JSON form of RFC 8785 (JCS): object members sorted by their names' UTF-16 code units, no
 * whitespace, strings escaped as ECMAScript's JSON.stringify does, numbers as IEEE 754 doubles written as ECMAScript
 * writes them ({@link CanonicalNumber}). Integers up to 2^53, all that Parley hashes, are their plain digits.
 * Checked against the published test vectors of RFC 8785 (README, "Standard test vectors").
 */
public final class CanonicalJson {

    /** 2^53: every integer up to it is a double of its own, so its digits are its JCS form. */
    private static final BigInteger EXACT_INTEGERS = BigInteger.ONE.shiftLeft(53);

    private CanonicalJson() {
    }

    public static String write(JsonNode node) {
        StringBuilder out = new StringBuilder();
        append(out, node);
        return out.toString();
    }

    private static void append(StringBuilder out, JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
            members.sort(Map.Entry.comparingByKey());
            out.append('{');
            for (int i = 0; i < members.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                string(out, members.get(i).getKey());
                out.append(':');
                append(out, members.get(i).getValue());
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                append(out, node.get(i));
            }
            out.append(']');
        } else if (node.isString()) {
            string(out, node.stringValue());
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else if (node.isIntegralNumber() && node.bigIntegerValue().abs().compareTo(EXACT_INTEGERS) <= 0) {
            out.append(node.bigIntegerValue());
        } else if (node.isNumber()) {
            out.append(CanonicalNumber.format(node.doubleValue()));
        } else {
            throw new IllegalArgumentException("JSON holds no " + node.getNodeType());
        }
    }

    /** A JSON string as JCS writes it: only ", \ and control characters escaped, everything else as is. */
    public static void string(StringBuilder out, String value) {
        out.append('"');
        int plain = 0;
        while (plain < value.length() && value.charAt(plain) >= 0x20 && value.charAt(plain) != '"'
                && value.charAt(plain) != '\\') {
            plain++;
        }
        out.append(value, 0, plain);
        for (int i = plain; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
