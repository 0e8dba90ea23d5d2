package org.roundtable.server.web;

/**
 * Renders an exception for the log without its messages: exception messages of infrastructure
 * (a duplicate key, a failed conversion) can quote the data that caused them, and that may be
 * personal data. Classes and stack frames are enough to find the fault.
 */
public final class SafeThrowables {

    private static final int FRAMES_PER_CAUSE = 12;

    private SafeThrowables() {
    }

    public static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        Throwable current = failure;
        for (int depth = 0; current != null && depth < 8; depth++, current = current.getCause()) {
            text.append(depth == 0 ? "" : "\ncaused by ").append(current.getClass().getName());
            StackTraceElement[] frames = current.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, FRAMES_PER_CAUSE); i++) {
                text.append("\n\tat ").append(frames[i]);
            }
            if (frames.length > FRAMES_PER_CAUSE) {
                text.append("\n\t... ").append(frames.length - FRAMES_PER_CAUSE).append(" more");
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return text.toString();
    }
}
