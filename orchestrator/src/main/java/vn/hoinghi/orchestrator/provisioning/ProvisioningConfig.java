package vn.hoinghi.orchestrator.provisioning;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/** {@code hoinghi.provisioning.*}: the job runner and the dial-out policy. */
@ConfigurationProperties("hoinghi.provisioning")
public class ProvisioningConfig {
    /** Off in tests that drive the runner by hand; on in the service. */
    private boolean runnerEnabled = true;
    private Duration tick = Duration.ofSeconds(1);
    /** A job whose runner is silent this long is taken over (the runner is presumed dead). */
    private Duration lease = Duration.ofMinutes(2);
    private int batch = 50;
    /** How far ahead the scheduler looks for meetings to schedule. */
    private Duration lookahead = Duration.ofHours(24);
    private Duration prepareTimeout = Duration.ofSeconds(30);
    private List<Duration> prepareBackoff = List.of(Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofSeconds(90));
    /** DESIGN §3 dial-out policy: attempts per method with these pauses, then the next method. */
    private List<Duration> dialBackoff = List.of(Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofSeconds(90));
    /** Jicofo gives up on a pending Jibri SIP call after 90 s; an attempt older than this cannot still ring. */
    private Duration dialPendingTimeout = Duration.ofSeconds(90);
    private Duration dialTimeout = Duration.ofSeconds(60);
    /** SIP domain of the gateway that reaches H.323 room systems and phones ({@code sip:<alias>@<domain>}). */
    private String gatewayDomain = "gw.hoinghi.local";
    /** Caller id shown to dialled sites. */
    private String callerId = "HoiNghi Bo Tu phap";

    public boolean isRunnerEnabled() { return runnerEnabled; }
    public void setRunnerEnabled(boolean v) { runnerEnabled = v; }
    public Duration getTick() { return tick; }
    public void setTick(Duration v) { tick = v; }
    public Duration getLease() { return lease; }
    public void setLease(Duration v) { lease = v; }
    public int getBatch() { return batch; }
    public void setBatch(int v) { batch = v; }
    public Duration getLookahead() { return lookahead; }
    public void setLookahead(Duration v) { lookahead = v; }
    public Duration getPrepareTimeout() { return prepareTimeout; }
    public void setPrepareTimeout(Duration v) { prepareTimeout = v; }
    public List<Duration> getPrepareBackoff() { return prepareBackoff; }
    public void setPrepareBackoff(List<Duration> v) { prepareBackoff = v; }
    public List<Duration> getDialBackoff() { return dialBackoff; }
    public void setDialBackoff(List<Duration> v) { dialBackoff = v; }
    public Duration getDialPendingTimeout() { return dialPendingTimeout; }
    public void setDialPendingTimeout(Duration v) { dialPendingTimeout = v; }
    public Duration getDialTimeout() { return dialTimeout; }
    public void setDialTimeout(Duration v) { dialTimeout = v; }
    public String getGatewayDomain() { return gatewayDomain; }
    public void setGatewayDomain(String v) { gatewayDomain = v; }
    public String getCallerId() { return callerId; }
    public void setCallerId(String v) { callerId = v; }
}
