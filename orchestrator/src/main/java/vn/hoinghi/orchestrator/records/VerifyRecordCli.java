package vn.hoinghi.orchestrator.records;

import io.micronaut.json.JsonMapper;
import vn.hoinghi.orchestrator.platform.crypto.Sha256;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Offline check of an exported record, with no database and no server:
 * {@code java -cp hoinghi-orchestrator.jar vn.hoinghi.orchestrator.records.VerifyRecordCli bien-ban-7.json
 * signer.pem [bien-ban-6.json]}. Checks canonical form, hash, the CMS signature against the given certificate
 * (not the one inside the file, which anyone could replace) and, given the record before it, the chain link.
 * Exit 0 when valid, 1 when not, 2 on bad arguments.
 */
public final class VerifyRecordCli {
    private VerifyRecordCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    public static int run(String[] args, PrintStream out) {
        if (args.length < 2 || args.length > 3) {
            out.println("usage: VerifyRecordCli <record.json> <certificate.pem> [previous-record.json]");
            return 2;
        }
        try {
            JsonMapper json = JsonMapper.createDefault();
            RecordFile file = json.readValue(Files.readAllBytes(Path.of(args[0])), RecordFile.class);
            X509Certificate cert = Cms.certificate(Files.readAllBytes(Path.of(args[1])));
            List<String> problems = new ArrayList<>();
            if (!RecordFile.FORMAT.equals(file.format())) {
                problems.add("format: not a " + RecordFile.FORMAT + " file");
            }
            problems.addAll(RecordVerifier.integrity(file.toStored(), cert));
            if (args.length == 3) {
                RecordFile previous = json.readValue(Files.readAllBytes(Path.of(args[2])), RecordFile.class);
                if (!Sha256.hex(previous.content()).equals(file.previousHash())) {
                    problems.add("chain: record " + file.id() + " does not follow record " + previous.id());
                }
            }
            out.println("record " + file.id() + " of meeting " + file.meetingId() + ", sealed " + file.sealedAt());
            out.println("sha256 " + Sha256.hex(file.content()));
            out.println("signer " + cert.getSubjectX500Principal().getName());
            problems.forEach(p -> out.println("INVALID " + p));
            out.println(problems.isEmpty() ? "VALID" : "NOT VALID");
            return problems.isEmpty() ? 0 : 1;
        } catch (IOException | RuntimeException e) {
            out.println("NOT VALID: cannot read the files: " + e.getMessage());
            return 1;
        }
    }
}
