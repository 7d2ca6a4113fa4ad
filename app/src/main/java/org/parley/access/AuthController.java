package org.parley.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.api.Callers;
import org.parley.api.ForbiddenException;
import org.parley.api.JsonInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** API tokens: issue one with a username and password, list and revoke them; change a password. */
@RestController
@RequestMapping(path = "/api/v1/auth", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Authentication")
class AuthController {

    private final LoginService logins;
    private final TokenService tokens;
    private final UserService users;

    AuthController(LoginService logins, TokenService tokens, UserService users) {
        this.logins = logins;
        this.tokens = tokens;
        this.users = users;
    }

    @PostMapping(path = "/token", consumes = MediaType.APPLICATION_JSON_VALUE)
    @SecurityRequirements // the password proves the user: no token needed
    @Operation(summary = "Issue a bearer token", description = "Body: username, password, optional name and "
            + "expiresInHours (default 12, at most 720). The token is shown once.")
    ResponseEntity<Map<String, Object>> issue(@RequestBody JsonNode body) {
        JsonInput in = new JsonInput();
        in.onlyMembers(body, Set.of("username", "password", "name", "expiresInHours"));
        String username = in.required(in.text(body.get("username"), "username", 64), "username");
        String password = in.required(in.secret(body.get("password"), "password", 1000), "password");
        String name = in.text(body.get("name"), "name", 100);
        Long hours = in.integer(body.get("expiresInHours"), "expiresInHours");
        in.throwIfAny();
        LoginService.Login login = logins.login(username, password);
        if (login.mustChangePassword()) {
            throw new ForbiddenException("choose your own password first: POST /api/v1/auth/password or log in to "
                    + "the web UI", UserService.RECORD, username);
        }
        TokenService.IssuedToken issued = tokens.issue(login.caller(), name,
                hours == null ? TokenService.DEFAULT_LIFETIME : Duration.ofHours(hours));
        String id = (String) tokens.view(issued.stored()).get("id");
        return ResponseEntity.created(URI.create("/api/v1/auth/tokens/" + id))
                .body(Map.of("token", issued.token(), "id", id,
                        "expiresAt", issued.stored().expiresAt().toString(), "tokenType", "Bearer"));
    }

    @PostMapping(path = "/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    @SecurityRequirements // the current password proves the user
    @Operation(summary = "Change a password", description = "Body: username, currentPassword, newPassword. Works "
            + "with a one-time password, so that API-only users can choose their own.")
    Map<String, Object> changePassword(@RequestBody JsonNode body) {
        JsonInput in = new JsonInput();
        in.onlyMembers(body, Set.of("username", "currentPassword", "newPassword"));
        String username = in.required(in.text(body.get("username"), "username", 64), "username");
        String current = in.required(in.secret(body.get("currentPassword"), "currentPassword", 1000),
                "currentPassword");
        String next = in.required(in.secret(body.get("newPassword"), "newPassword", 1000), "newPassword");
        in.throwIfAny();
        LoginService.Login login = logins.login(username, current);
        users.changePassword(login.caller(), current, next);
        return Map.of("changed", true);
    }

    @GetMapping("/tokens")
    @Operation(summary = "Your tokens (an administrator: those of the users they manage)")
    List<Map<String, Object>> list() {
        return tokens.list(Callers.require()).stream().map(tokens::view).toList();
    }

    @DeleteMapping("/tokens/{id}")
    @Operation(summary = "Revoke a token")
    Map<String, Object> revoke(@PathVariable String id) {
        return tokens.view(tokens.revoke(Callers.require(), id));
    }

    @ExceptionHandler(LoginFailedException.class)
    ResponseEntity<ProblemDetail> loginFailed(LoginFailedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage());
        problem.setType(URI.create("urn:parley:problem:login-failed"));
        problem.setTitle("Login failed");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
    }
}
