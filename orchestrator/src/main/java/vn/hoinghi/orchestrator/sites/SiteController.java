package vn.hoinghi.orchestrator.sites;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.Transactional;
import vn.hoinghi.orchestrator.access.Caller;
import vn.hoinghi.orchestrator.access.Roles;
import vn.hoinghi.orchestrator.platform.errors.ApiException;
import vn.hoinghi.orchestrator.platform.errors.Problem;
import vn.hoinghi.orchestrator.platform.errors.Text;
import vn.hoinghi.orchestrator.platform.web.ETags;

import java.util.List;
import java.util.Locale;

/** The unit directory: search, tree, CRUD with ETags, bulk import and export. */
@Controller("/api/v1/sites")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SiteController {
    private static final MediaType CSV = MediaType.of("text/csv");
    private final SiteService sites;
    private final SiteStore store;
    private final SiteImporter importer;
    private final SiteJson siteJson;

    public SiteController(SiteService sites, SiteStore store, SiteImporter importer, SiteJson siteJson) {
        this.sites = sites;
        this.store = store;
        this.importer = importer;
        this.siteJson = siteJson;
    }

    /** Search by code or name, ignoring case and diacritics ("dak lak" finds "Đắk Lắk"). */
    @Get
    @Secured({Roles.ADMIN, Roles.SECRETARIAT, Roles.UNIT_OPERATOR, Roles.OPERATOR, Roles.OBSERVER})
    @Transactional(readOnly = true)
    public Page<SiteSummary> search(@Nullable @QueryValue String q, @Nullable @QueryValue Region region,
                                    @Nullable @QueryValue SiteKind kind, @Nullable @QueryValue String parent,
                                    @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? SiteQuery.DEFAULT_SIZE : size;
        if (p < 0 || s < 1 || s > SiteQuery.MAX_SIZE) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "bad-page", new Text(
                    "page phải ≥ 0 và size từ 1 đến " + SiteQuery.MAX_SIZE,
                    "page must be ≥ 0 and size 1 to " + SiteQuery.MAX_SIZE),
                    List.of(Problem.FieldError.of(p < 0 ? "page" : "size", "out-of-range",
                            new Text("ngoài khoảng cho phép", "out of range"))));
        }
        return store.search(new SiteQuery(q, region, kind, parent, p, s));
    }

    /** The organisation as a tree, from {@code root} or from the top. */
    @Get("/tree")
    @Secured({Roles.ADMIN, Roles.SECRETARIAT, Roles.UNIT_OPERATOR, Roles.OPERATOR, Roles.OBSERVER})
    @Transactional(readOnly = true)
    public List<SiteTreeNode> tree(@Nullable @QueryValue String root) {
        if (root != null) {
            sites.get(root);
        }
        return SiteTreeNode.build(store.subtree(root));
    }

    @Get("/{code}")
    @Secured({Roles.ADMIN, Roles.SECRETARIAT, Roles.UNIT_OPERATOR, Roles.OPERATOR, Roles.OBSERVER})
    public HttpResponse<Site> get(@PathVariable String code) {
        return withEtag(HttpResponse.ok(), sites.get(code));
    }

    @Post
    @Secured({Roles.ADMIN, Roles.SECRETARIAT, Roles.UNIT_OPERATOR})
    public HttpResponse<Site> create(@Body SiteInput input, Authentication auth) {
        Site site = sites.create(Caller.of(auth), input);
        return withEtag(HttpResponse.created(site), site)
                .header(HttpHeaders.LOCATION, "/api/v1/sites/" + site.code());
    }

    /** Replaces a site. Send the ETag you read as {@code If-Match} so a concurrent edit is not overwritten. */
    @Put("/{code}")
    @Secured({Roles.ADMIN, Roles.SECRETARIAT, Roles.UNIT_OPERATOR})
    public HttpResponse<Site> update(@PathVariable String code, @Body SiteInput input,
                                     @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch, Authentication auth) {
        Site site = sites.update(Caller.of(auth), code, ETags.version(ifMatch), input);
        return withEtag(HttpResponse.ok(site), site);
    }

    @Delete("/{code}")
    @Secured({Roles.ADMIN, Roles.SECRETARIAT, Roles.UNIT_OPERATOR})
    public HttpResponse<Void> delete(@PathVariable String code,
                                     @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch, Authentication auth) {
        sites.delete(Caller.of(auth), code, ETags.version(ifMatch));
        return HttpResponse.noContent();
    }

    /**
     * Imports a CSV ({@code text/csv}) or JSON ({@code application/json}) file, all or nothing. With
     * {@code dryRun=true} it only reports what it would do.
     */
    @Post(value = "/import", consumes = {"text/csv", MediaType.APPLICATION_JSON})
    @Secured({Roles.ADMIN, Roles.SECRETARIAT})
    public ImportReport importSites(@Body byte[] body, @Header(HttpHeaders.CONTENT_TYPE) String contentType,
                                    @Nullable @QueryValue Boolean dryRun, Authentication auth) {
        SiteImporter.Format format = contentType.toLowerCase(Locale.ROOT).startsWith("text/csv")
                ? SiteImporter.Format.CSV : SiteImporter.Format.JSON;
        return importer.importFile(Caller.of(auth), format, body, Boolean.TRUE.equals(dryRun));
    }

    @Get(value = "/export", produces = {"text/csv", MediaType.APPLICATION_JSON})
    @Secured({Roles.ADMIN, Roles.SECRETARIAT, Roles.OPERATOR, Roles.OBSERVER})
    @Transactional(readOnly = true)
    public HttpResponse<String> export(@Nullable @QueryValue String format) {
        List<Site> all = store.all();
        if (format == null || format.equalsIgnoreCase("csv")) {
            return HttpResponse.ok(SiteCsv.write(all)).contentType(CSV.toString() + ";charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"hoinghi-sites.csv\"");
        }
        if (format.equalsIgnoreCase("json")) {
            return HttpResponse.ok(siteJson.write(all)).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        throw new ApiException(HttpStatus.BAD_REQUEST, "unsupported-format", SiteErrors.UNSUPPORTED_FORMAT,
                List.of(Problem.FieldError.of("format", "unsupported-format", SiteErrors.UNSUPPORTED_FORMAT)));
    }

    private static MutableHttpResponse<Site> withEtag(MutableHttpResponse<?> r, Site site) {
        return r.body(site).header(HttpHeaders.ETAG, ETags.of(site.version()));
    }
}
