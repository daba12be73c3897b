package org.steambytes.embedded;

import java.util.List;

/** The few lines of JSON the mail endpoint writes; no library for so little. */
final class Json {

    private Json() {
    }

    static String mails(List<CaughtMail> mails) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < mails.size(); i++) {
            CaughtMail mail = mails.get(i);
            out.append(i == 0 ? "" : ",").append('{')
                    .append("\"message_id\":").append(string(mail.messageId())).append(',')
                    .append("\"from\":").append(string(mail.from())).append(',')
                    .append("\"to\":[");
            for (int j = 0; j < mail.to().size(); j++) {
                out.append(j == 0 ? "" : ",").append(string(mail.to().get(j)));
            }
            out.append("],\"subject\":").append(string(mail.subject())).append(',')
                    .append("\"text\":").append(string(mail.text())).append(',')
                    .append("\"received_at\":").append(string(mail.receivedAt().toString()))
                    .append('}');
        }
        return out.append(']').toString();
    }

    static String string(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
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
        return out.append('"').toString();
    }
}
