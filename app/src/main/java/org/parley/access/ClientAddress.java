package org.parley.access;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The address a request comes from, for rate limits and the counts of refusals and failed logins: the socket's
 * remote address. Only when it is one of {@code parley.trusted-proxies} (addresses or CIDR ranges; none by
 * default) is {@code X-Forwarded-For} read, from the right, up to the first address that is not a trusted proxy —
 * so that a client cannot choose its own address by sending the header.
 */
@Component
class ClientAddress {

    /** What stands for the address outside any request (offline commands). */
    static final String NONE = "(none)";
    private static final int MAX_LENGTH = 64;

    private final List<IpAddressMatcher> trustedProxies;

    ClientAddress(@Value("${parley.trusted-proxies:}") List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(IpAddressMatcher::new).toList();
    }

    String of(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        if (trustedProxies.isEmpty() || !trusted(address)) {
            return shortened(address);
        }
        List<String> forwarded = new ArrayList<>();
        Collections.list(request.getHeaders("X-Forwarded-For")).forEach(header -> {
            for (String hop : header.split(",")) {
                forwarded.add(hop.strip());
            }
        });
        for (int i = forwarded.size() - 1; i >= 0 && trusted(address); i--) {
            address = forwarded.get(i);
        }
        return shortened(address);
    }

    /** The address of the request this thread is serving, or {@link #NONE}. */
    String current() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? of(attributes.getRequest()) : NONE;
    }

    private boolean trusted(String address) {
        try {
            return trustedProxies.stream().anyMatch(proxy -> proxy.matches(address));
        } catch (IllegalArgumentException notAnAddress) {
            return false;
        }
    }

    private static String shortened(String address) {
        return address.length() > MAX_LENGTH ? address.substring(0, MAX_LENGTH) : address;
    }
}
