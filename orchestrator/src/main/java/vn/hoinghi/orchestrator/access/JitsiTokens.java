package vn.hoinghi.orchestrator.access;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Mints the JWT Prosody's token authentication accepts (DESIGN.md §3): HS256 only, {@code iss}=app id, {@code aud},
 * {@code sub}=meet domain, {@code room}, {@code nbf}/{@code exp} spanning the whole meeting window (a client that
 * reconnects presents the same token), {@code context.user} = the site, with {@code role = "visitor"} for a viewer.
 *
 * <p>Why that claim: Jitsi Meet reads it ({@code context.user.role === 'visitor'}, jitsi-meet
 * {@code react/features/base/jwt/middleware.ts}) and then asks Jicofo to be a visitor (lib-jitsi-meet
 * {@code modules/xmpp/moderator.js}: ConferenceIq property {@code visitor=true} beside {@code visitors-version}),
 * which Jicofo honours by sending it to a visitor node ({@code ConferenceIqHandler.kt}). So a viewer never takes a
 * main-room slot the capacity model kept for the interactive sites, and the claim is signed: the link's holder
 * cannot drop it from the token (a modified client can still leave {@code visitor=true} out of its request).
 */
@Singleton
public class JitsiTokens {
    private final MeetConfig config;

    public JitsiTokens(MeetConfig config) {
        this.config = config;
    }

    /** The site the token speaks for; {@code viewer}: it joins as a visitor, not in the main room. */
    public record Unit(String siteCode, String name, String email, boolean viewer) {
    }

    /** Jitsi Meet's value of {@code context.user.role} that makes it ask Jicofo for a visitor node. */
    static final String VISITOR_ROLE = "visitor";

    public String mint(String room, Unit unit, Instant notBefore, Instant expires) {
        byte[] secret = secret();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(config.getAppId())
                .audience(config.getAudience())
                .subject(config.getDomain())
                .claim("room", room)
                .notBeforeTime(Date.from(notBefore))
                .expirationTime(Date.from(expires))
                .issueTime(Date.from(notBefore))
                .claim("context", Map.of("user", user(unit)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
                claims);
        try {
            jwt.sign(new MACSigner(secret));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a Jitsi token: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }

    private static Map<String, Object> user(Unit unit) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", unit.siteCode());
        user.put("name", unit.name());
        user.put("email", unit.email() == null ? "" : unit.email());
        if (unit.viewer()) {
            user.put("role", VISITOR_ROLE);
        }
        return user;
    }

    /** The configured secret, refused when shorter than HS256 needs (256 bits). */
    byte[] secret() {
        String s = config.getAppSecret();
        byte[] bytes = s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < 32) {
            // A deployment problem, not the user's: say so plainly and let operators see it in the logs.
            throw new vn.hoinghi.orchestrator.platform.errors.ApiException(
                    io.micronaut.http.HttpStatus.SERVICE_UNAVAILABLE, "links-not-configured",
                    new vn.hoinghi.orchestrator.platform.errors.Text(
                            "Hệ thống chưa được cấu hình khoá cho đường dẫn tham gia: hãy báo bộ phận vận hành",
                            "Join links are not configured (hoinghi.meet.app-secret missing or < 32 bytes)"));
        }
        return bytes;
    }
}
