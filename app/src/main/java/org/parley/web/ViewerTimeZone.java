package org.parley.web;

import com.ibm.icu.util.TimeZone;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The time zone of the person reading a page: the browser's own zone, which {@code static/js/time-zone.js} keeps
 * in the cookie {@code parley-tz} (an IANA name such as Europe/Kyiv); UTC when there is none yet, or it is not a
 * zone this JVM knows. Pages show times in it to the second, and say which zone that is.
 */
public final class ViewerTimeZone {

    static final String COOKIE = "parley-tz";
    /** Named so, rather than "Z", where a page says which zone its times are in. */
    public static final ZoneId UTC = ZoneId.of("UTC");
    private static final DateTimeFormatter TO_THE_SECOND = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private ViewerTimeZone() {
    }

    public static ZoneId of(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName())) {
                    return parse(cookie.getValue());
                }
            }
        }
        return UTC;
    }

    static ZoneId parse(String name) {
        // only names of the IANA database (Region/City, UTC): not offsets, nor anything long
        if (name == null || name.length() > 64 || !name.matches("[A-Za-z][A-Za-z0-9_+\\-]*(/[A-Za-z0-9_+\\-]+)*")) {
            return UTC;
        }
        // browsers may give an older name of the zone (Chromium: Europe/Kiev); the page names it as IANA does now
        String current = TimeZone.getIanaID(name);
        for (String candidate : new String[] {current, name}) {
            try {
                return ZoneId.of(candidate);
            } catch (DateTimeException e) {
                // not a zone this JVM knows: try the next, or UTC
            }
        }
        return UTC;
    }

    /** An instant as the page shows it: {@code 2026-11-25 08:40:00} in the zone. */
    public static String format(Instant instant, ZoneId zone) {
        return instant == null ? null : TO_THE_SECOND.format(instant.atZone(zone));
    }
}
