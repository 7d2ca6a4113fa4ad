package org.parley.access;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What a chosen password must be: at least {@value #MIN_LENGTH} characters, not a commonly used password, and
 * not guessable from words, names, dates, keyboard patterns or the username (zxcvbn's estimate must reach
 * {@value #MIN_SCORE} of 4: more than 10^10 guesses).
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;
    static final int MIN_SCORE = 3;

    private final Zxcvbn zxcvbn = new Zxcvbn();

    /** The reasons the password is refused; empty when it is acceptable. */
    List<String> problems(String password, String username) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            problems.add("is shorter than " + MIN_LENGTH + " characters");
            return problems;
        }
        if (password.length() > MAX_LENGTH) {
            problems.add("is longer than " + MAX_LENGTH + " characters");
            return problems;
        }
        Strength strength = zxcvbn.measure(password, username == null ? List.of() : List.of(username, "parley"));
        if (strength.getScore() >= MIN_SCORE) {
            return problems;
        }
        int common = strength.getSequence().stream().filter(match -> "passwords".equals(match.dictionaryName))
                .mapToInt(match -> match.j - match.i + 1).sum();
        if (2 * common >= password.length()) {
            problems.add("is, or is built on, a commonly used password");
        } else {
            String warning = strength.getFeedback().getWarning();
            problems.add("is too easy to guess" + (warning == null || warning.isBlank() ? ""
                    : " (" + warning.toLowerCase(java.util.Locale.ROOT).replaceAll("\\.$", "") + ")")
                    + ": use a longer passphrase of unrelated words");
        }
        return problems;
    }
}
