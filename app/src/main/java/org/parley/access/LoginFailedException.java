package org.parley.access;

/**
 * A login that did not succeed. The message is the same whatever the cause (unknown user, wrong password,
 * disabled or locked account), so that it tells an attacker nothing.
 */
public class LoginFailedException extends RuntimeException {

    public static final String MESSAGE = "Wrong username or password, or too many failed attempts: after "
            + LoginService.LOCK_AFTER + " failures in a row the account is locked for a while.";

    LoginFailedException() {
        super(MESSAGE);
    }
}
