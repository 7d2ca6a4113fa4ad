package org.parley.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.api.Callers;
import org.parley.api.JsonInput;
import org.parley.api.Role;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** User administration for administrators: the instance's, or an organisation's for its own users. */
@RestController
@RequestMapping(path = "/api/v1/users", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Users")
class UserController {

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    @GetMapping
    @Operation(summary = "Users the caller administers")
    List<Map<String, Object>> list() {
        return users.list(Callers.require()).stream().map(UserController::write).toList();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a user", description = "Body: username, organisation (code; omit for an instance "
            + "administrator), roles. Answers the one-time password, to be changed at the first login.")
    ResponseEntity<Map<String, Object>> create(@RequestBody JsonNode body) {
        JsonInput in = new JsonInput();
        in.onlyMembers(body, Set.of("username", "organisation", "roles"));
        String username = in.required(in.text(body.get("username"), "username", 64), "username");
        String organisation = in.text(body.get("organisation"), "organisation", 40);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        JsonNode roleNodes = body.get("roles");
        if (roleNodes == null || !roleNodes.isArray()) {
            in.error("roles", "must be an array of role names");
        } else {
            roleNodes.forEach(node -> {
                Role role = in.enumValue(node, "roles", Role.class);
                if (role != null) {
                    roles.add(role);
                }
            });
        }
        in.throwIfAny();
        UserService.NewUser created = users.create(Callers.require(), username, organisation, roles);
        Map<String, Object> answer = write(created.user());
        answer.put("oneTimePassword", created.oneTimePassword());
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.user().username())).body(answer);
    }

    @PostMapping("/{username}/disable")
    @Operation(summary = "Disable a user and revoke their tokens")
    Map<String, Object> disable(@PathVariable String username) {
        return write(users.disable(Callers.require(), username));
    }

    @PostMapping("/{username}/enable")
    @Operation(summary = "Enable a disabled user")
    Map<String, Object> enable(@PathVariable String username) {
        return write(users.enable(Callers.require(), username));
    }

    @PostMapping("/{username}/reset-password")
    @Operation(summary = "Give a user a new one-time password and revoke their tokens")
    Map<String, Object> resetPassword(@PathVariable String username) {
        return Map.of("username", username, "oneTimePassword", users.resetPassword(Callers.require(), username));
    }

    static Map<String, Object> write(User user) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("id", user.id());
        node.put("username", user.username());
        node.put("organisation", user.organisation());
        node.put("roles", user.roles().stream().sorted().map(Role::name).toList());
        node.put("enabled", user.enabled());
        node.put("mustChangePassword", user.mustChangePassword());
        node.put("locked", user.lockedUntil() != null && user.lockedUntil().isAfter(java.time.Instant.now()));
        node.put("createdAt", user.createdAt().toString());
        return node;
    }
}
