package org.steambytes.simulator;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The command line: a subcommand, {@code --name value} (or {@code --name=value}) options and bare flags. */
public final class Args {

    /** Options that take no value. */
    static final Set<String> FLAGS = Set.of("help", "no-live", "provision");

    private final String command;
    private final Map<String, String> options;
    private final Set<String> flags;

    private Args(String command, Map<String, String> options, Set<String> flags) {
        this.command = command;
        this.options = options;
        this.flags = flags;
    }

    public static Args parse(String... argv) {
        String command = null;
        Map<String, String> options = new HashMap<>();
        Set<String> flags = new HashSet<>();
        for (int i = 0; i < argv.length; i++) {
            String arg = argv[i];
            if (arg.equals("-h")) {
                flags.add("help");
            } else if (arg.startsWith("--")) {
                String name = arg.substring(2);
                int equals = name.indexOf('=');
                if (equals >= 0) {
                    options.put(name.substring(0, equals), name.substring(equals + 1));
                } else if (FLAGS.contains(name)) {
                    flags.add(name);
                } else if (i + 1 < argv.length) {
                    options.put(name, argv[++i]);
                } else {
                    throw new UsageException("--" + name + " needs a value");
                }
            } else if (command == null) {
                command = arg;
            } else {
                throw new UsageException("unexpected argument " + arg);
            }
        }
        return new Args(command, options, flags);
    }

    public String command() {
        return command;
    }

    public boolean flag(String name) {
        return flags.contains(name);
    }

    public String get(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    public String require(String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new UsageException("--" + name + " is required");
        }
        return value;
    }

    public int integer(String name, int fallback) {
        String value = options.get(name);
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, not " + value);
        }
    }

    public boolean onOff(String name, boolean fallback) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        return switch (value) {
            case "on", "true", "yes" -> true;
            case "off", "false", "no" -> false;
            default -> throw new UsageException("--" + name + " must be on or off, not " + value);
        };
    }

    public Duration duration(String name, Duration fallback) {
        String value = options.get(name);
        return value == null ? fallback : duration(name, value);
    }

    /** {@code 90}, {@code 2.5} (seconds), {@code 500ms}, {@code 45s}, {@code 30m}, {@code 2h}, {@code 1d}. */
    static Duration duration(String name, String value) {
        try {
            String text = value.trim();
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            }
            char unit = text.charAt(text.length() - 1);
            double number = Character.isDigit(unit) ? Double.parseDouble(text)
                    : Double.parseDouble(text.substring(0, text.length() - 1));
            double seconds = switch (unit) {
                case 's' -> number;
                case 'm' -> number * 60;
                case 'h' -> number * 3600;
                case 'd' -> number * 86_400;
                default -> {
                    if (!Character.isDigit(unit)) {
                        throw new NumberFormatException();
                    }
                    yield number;
                }
            };
            if (!(seconds >= 0) || Double.isInfinite(seconds)) {
                throw new NumberFormatException();
            }
            return Duration.ofMillis(Math.round(seconds * 1000));
        } catch (RuntimeException e) {
            throw new UsageException("--" + name + " must be a duration such as 10, 2.5s, 30m or 2h, not " + value);
        }
    }

    /** A wrong command line: the message is shown with a pointer to --help. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }
}
