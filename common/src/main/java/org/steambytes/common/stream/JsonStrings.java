package org.steambytes.common.stream;

/**
 * JSON string quoting for the live data written by hand on the hot path (stream entries, latest
 * values): a reading is encoded hundreds of thousands of times a second, without a tree or a mapper.
 */
public final class JsonStrings {

    private JsonStrings() {
    }

    /** Appends {@code value} as a JSON string: quotes, backslashes and control characters escaped. */
    public static void quote(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
