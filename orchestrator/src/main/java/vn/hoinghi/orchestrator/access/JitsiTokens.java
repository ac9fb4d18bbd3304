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
import java.util.Map;

/**
 * Mints the JWT Prosody's token authentication accepts (DESIGN.md §3): HS256 only, {@code iss}=app id, {@code aud},
 * {@code sub}=meet domain, {@code room}, {@code nbf}/{@code exp} spanning the whole meeting window (a client that
 * reconnects presents the same token), {@code context.user} = the site.
 */
@Singleton
public class JitsiTokens {
    private final MeetConfig config;

    public JitsiTokens(MeetConfig config) {
        this.config = config;
    }

    public record Unit(String siteCode, String name, String email) {
    }

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
                .claim("context", Map.of("user", Map.of("id", unit.siteCode(), "name", unit.name(),
                        "email", unit.email() == null ? "" : unit.email())))
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
