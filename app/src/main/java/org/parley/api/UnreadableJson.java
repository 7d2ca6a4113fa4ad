package org.parley.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;

/**
 * Why a request body could not be read as JSON, in plain words with the line and column where the parser knows
 * them. The parser's own message names its classes and settings, so it is never passed on: only the name of a
 * member given twice is taken from it.
 */
final class UnreadableJson {

    /** Jackson's message for a member given twice (STRICT_DUPLICATE_DETECTION, see JsonConfiguration). */
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate Object property \"(.*)\"");

    private final StreamReadConstraints limits;

    UnreadableJson(StreamReadConstraints limits) {
        this.limits = limits;
    }

    String reason(HttpMessageNotReadableException e) {
        JacksonException json = cause(e);
        if (json instanceof StreamConstraintsException) {
            return "the JSON goes beyond what this server reads" + at(json) + ": numbers of at most "
                    + limits.getMaxNumberLength() + " digits, strings of at most " + limits.getMaxStringLength()
                    + " characters, member names of at most " + limits.getMaxNameLength()
                    + " characters, nested at most " + limits.getMaxNestingDepth() + " levels deep";
        }
        if (json instanceof UnexpectedEndOfInputException) {
            return "malformed JSON" + at(json) + ": it ends before it is complete";
        }
        if (json != null) {
            Matcher duplicate = DUPLICATE.matcher(String.valueOf(json.getOriginalMessage()));
            return "malformed JSON" + at(json) + (duplicate.find() ? ": member \"" + duplicate.group(1)
                    + "\" is given twice" : "");
        }
        if (e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
            return "a JSON body is required";
        }
        return "the body cannot be read";
    }

    private static JacksonException cause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JacksonException json) {
                return json;
            }
        }
        return null;
    }

    private static String at(JacksonException json) {
        TokenStreamLocation location = json.getLocation();
        return location == null || location.getLineNr() < 0 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
