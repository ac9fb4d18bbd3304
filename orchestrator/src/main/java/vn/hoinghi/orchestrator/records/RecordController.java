package vn.hoinghi.orchestrator.records;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import vn.hoinghi.orchestrator.access.Roles;
import vn.hoinghi.orchestrator.booking.BookingService;
import vn.hoinghi.orchestrator.platform.errors.ApiException;
import vn.hoinghi.orchestrator.platform.errors.Problem;
import vn.hoinghi.orchestrator.platform.errors.Text;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Sealed meeting records: read, verify, export (JSON envelope, or content + .p7s for openssl), correct. */
@Controller("/api/v1")
public class RecordController {
    private final RecordReader reader;
    private final RecordVerifier verifier;
    private final Sealer sealer;
    private final SigningKey key;

    public RecordController(RecordReader reader, RecordVerifier verifier, Sealer sealer, SigningKey key) {
        this.reader = reader;
        this.verifier = verifier;
        this.sealer = sealer;
        this.key = key;
    }

    @Serdeable
    public record Correction(String reason) {
    }

    /** A meeting's records: the original first, then its corrections. */
    @Get("/meetings/{id}/records")
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Secured({Roles.ADMIN, Roles.SECRETARIAT, Roles.OPERATOR, Roles.OBSERVER})
    public List<RecordFile> list(@PathVariable long id) {
        return reader.ofMeeting(id).stream().map(RecordFile::of).toList();
    }

    @Get("/records/{id}")
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Secured({Roles.ADMIN, Roles.SECRETARIAT, Roles.OPERATOR, Roles.OBSERVER})
    public RecordFile get(@PathVariable long id) {
        return RecordFile.of(reader.find(id));
    }

    @Get("/records/{id}/verify")
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Secured({Roles.ADMIN, Roles.SECRETARIAT, Roles.OPERATOR, Roles.OBSERVER})
    public RecordCheck verify(@PathVariable long id) {
        return verifier.verify(id).orElseThrow(() -> RecordReader.notFound(id));
    }

    /** The envelope as a file, for the offline CLI. */
    @Get("/records/{id}/export")
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Secured({Roles.ADMIN, Roles.SECRETARIAT, Roles.OPERATOR, Roles.OBSERVER})
    public HttpResponse<RecordFile> export(@PathVariable long id) {
        return HttpResponse.ok(RecordFile.of(reader.find(id))).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", "attachment; filename=\"bien-ban-" + id + ".json\"");
    }

    /** Exactly the signed bytes: {@code openssl cms -verify -binary -content} takes this file. */
    @Get("/records/{id}/content.json")
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Secured({Roles.ADMIN, Roles.SECRETARIAT, Roles.OPERATOR, Roles.OBSERVER})
    public HttpResponse<byte[]> content(@PathVariable long id) {
        return HttpResponse.ok(reader.find(id).content().getBytes(StandardCharsets.UTF_8))
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", "attachment; filename=\"bien-ban-" + id + ".content.json\"");
    }

    @Get("/records/{id}/signature.p7s")
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Secured({Roles.ADMIN, Roles.SECRETARIAT, Roles.OPERATOR, Roles.OBSERVER})
    public HttpResponse<byte[]> signature(@PathVariable long id) {
        return HttpResponse.ok(reader.find(id).signature())
                .contentType(MediaType.of("application/pkcs7-signature"))
                .header("Content-Disposition", "attachment; filename=\"bien-ban-" + id + ".p7s\"");
    }

    /** The certificate records are signed with now (PEM): what an auditor checks exports against. */
    @Get("/records/signer.pem")
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Secured({Roles.ADMIN, Roles.SECRETARIAT, Roles.OPERATOR, Roles.OBSERVER})
    public HttpResponse<String> signer() {
        return HttpResponse.ok(Cms.pem(key.certificate())).contentType(MediaType.of("application/x-pem-file"));
    }

    /**
     * Seals a meeting that has no record yet, or adds a signed correction superseding its latest record (facts
     * read again now, with the reason). Records are never edited.
     */
    @Post("/meetings/{id}/records")
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Secured({Roles.ADMIN, Roles.SECRETARIAT})
    public HttpResponse<RecordFile> correct(@PathVariable long id, @Body Correction body, Authentication who) {
        List<StoredRecord> existing = reader.ofMeeting(id);
        String reason = body == null || body.reason() == null ? "" : body.reason().strip();
        if (!existing.isEmpty() && reason.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "correction-reason-required",
                    new Text("Cần nêu lý do đính chính", "A correction needs a reason"),
                    List.of(new Problem.FieldError(null, "reason", "required", "Cần nêu lý do đính chính",
                            "A correction needs a reason")));
        }
        Long supersedes = existing.isEmpty() ? null : existing.get(existing.size() - 1).id();
        StoredRecord r = sealer.seal(id, supersedes, supersedes == null ? null : reason, "user:" + who.getName())
                .orElseThrow(() -> BookingService.notFound(id));
        return HttpResponse.created(RecordFile.of(r));
    }
}
