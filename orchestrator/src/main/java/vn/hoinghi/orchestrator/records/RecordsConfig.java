package vn.hoinghi.orchestrator.records;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/** {@code hoinghi.records.*}: the signing key and how long records are kept (documented in application.yml). */
@ConfigurationProperties("hoinghi.records")
public class RecordsConfig {
    private boolean enabled = true;
    private String keystore;
    private String keystorePassword;
    private String alias = "hoinghi-records";
    private boolean createSelfSigned;
    private Duration sealDelay = Duration.ofMinutes(2);
    private Duration retention = Duration.ofDays(3650);

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getKeystore() {
        return keystore;
    }

    public void setKeystore(String keystore) {
        this.keystore = keystore;
    }

    public String getKeystorePassword() {
        return keystorePassword;
    }

    public void setKeystorePassword(String keystorePassword) {
        this.keystorePassword = keystorePassword;
    }

    public String getAlias() {
        return alias;
    }

    public void setAlias(String alias) {
        this.alias = alias;
    }

    public boolean isCreateSelfSigned() {
        return createSelfSigned;
    }

    public void setCreateSelfSigned(boolean createSelfSigned) {
        this.createSelfSigned = createSelfSigned;
    }

    public Duration getSealDelay() {
        return sealDelay;
    }

    public void setSealDelay(Duration sealDelay) {
        this.sealDelay = sealDelay;
    }

    public Duration getRetention() {
        return retention;
    }

    public void setRetention(Duration retention) {
        this.retention = retention;
    }
}
