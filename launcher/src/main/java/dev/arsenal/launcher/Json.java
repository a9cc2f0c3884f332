package dev.arsenal.launcher;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * A minimal JSON writer for the launcher's reports: maps (insertion order kept), collections,
 * strings, numbers, booleans and null. Strings are escaped per RFC 8259.
 */
final class Json {
    private Json() {}

    static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, 0);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object value, int indent) {
        switch (value) {
            case null -> sb.append("null");
            case String s -> string(sb, s);
            case Boolean b -> sb.append(b);
            case Number n -> sb.append(n);
            case Map<?, ?> map -> {
                if (map.isEmpty()) {
                    sb.append("{}");
                    return;
                }
                sb.append("{\n");
                Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
                while (it.hasNext()) {
                    Map.Entry<?, ?> e = it.next();
                    pad(sb, indent + 1);
                    string(sb, String.valueOf(e.getKey()));
                    sb.append(": ");
                    write(sb, e.getValue(), indent + 1);
                    sb.append(it.hasNext() ? ",\n" : "\n");
                }
                pad(sb, indent);
                sb.append('}');
            }
            case Collection<?> list -> {
                if (list.isEmpty()) {
                    sb.append("[]");
                    return;
                }
                boolean simple = list.stream().allMatch(v -> v instanceof String || v instanceof Number);
                sb.append(simple ? "[" : "[\n");
                Iterator<?> it = list.iterator();
                while (it.hasNext()) {
                    if (!simple) {
                        pad(sb, indent + 1);
                    }
                    write(sb, it.next(), indent + 1);
                    if (it.hasNext()) {
                        sb.append(simple ? ", " : ",\n");
                    }
                }
                if (!simple) {
                    sb.append('\n');
                    pad(sb, indent);
                }
                sb.append(']');
            }
            default -> string(sb, value.toString());
        }
    }

    private static void pad(StringBuilder sb, int indent) {
        sb.append("  ".repeat(indent));
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
