package org.parley.interchange;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.parley.api.Caller;
import org.parley.api.Callers;
import org.parley.api.HtmlPages;
import org.parley.api.InvalidInputException;
import org.parley.api.NotFoundException;
import org.parley.registry.Organisation;
import org.parley.registry.OrganisationKind;
import org.parley.registry.PersonImport;
import org.parley.registry.RegistryService;
import org.parley.web.ViewerTimeZone;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * The import page (README, "The import page"): a registrar of a party uploads a CSV or Excel file of the persons
 * it holds, checks the columns (guessed from the header, or as the organisation mapped the same header before),
 * previews the first rows with their problems, starts the import and follows it to its end; {@code /imports} lists
 * the organisation's imports. Only registrars of a party use these pages (others get 403); an import of another
 * organisation is not found (404). The uploaded file waits in the user's session until the import takes it.
 */
@Controller
@HtmlPages
class ImportPageController {

    static final String UPLOAD_RECORD = "import-upload";
    static final List<String> ENCODINGS = List.of("UTF-8", "UTF-16LE", "UTF-16BE", "windows-1251", "KOI8-U",
            "KOI8-R", "ISO-8859-5");

    private final ImportService imports;
    private final PersonImport importers;
    private final RegistryService registry;
    private final ColumnMappingStore mappings;
    private final ImportPageJobs jobs;
    private final MessageSource messages;
    private final long maxFileBytes;

    ImportPageController(ImportService imports, PersonImport importers, RegistryService registry,
            ColumnMappingStore mappings, ImportPageJobs jobs, MessageSource messages,
            @Value("${spring.servlet.multipart.max-file-size:10MB}") DataSize maxFileSize) {
        this.imports = imports;
        this.importers = importers;
        this.registry = registry;
        this.mappings = mappings;
        this.jobs = jobs;
        this.messages = messages;
        this.maxFileBytes = maxFileSize.toBytes();
    }

    // ---------- The organisation's imports ----------

    /** An import of the list, with when it started in the reader's time zone. */
    record ImportPageListRow(ImportPageJobs.Summary job, String started) {
    }

    @GetMapping("/imports")
    String list(HttpServletRequest request, Model model) {
        Caller caller = importer();
        ZoneId zone = ViewerTimeZone.of(request);
        model.addAttribute("jobs", jobs.ofOrganisation(caller.organisation()).stream()
                .map(j -> new ImportPageListRow(j, ViewerTimeZone.format(j.createdAt(), zone))).toList());
        return "interchange/import-list";
    }

    // ---------- Upload ----------

    @GetMapping("/imports/new")
    String uploadForm(@RequestParam(name = "tooLarge", required = false) String tooLarge, Locale locale, Model model) {
        return uploadForm(importer(), tooLarge == null ? null
                : new ImportPageTexts(messages, locale).message("importpage.error.tooLarge"), null, null, model);
    }

    @PostMapping("/imports")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "events", required = false) MultipartFile events,
            @RequestParam(name = "holdingParty", required = false) String holdingParty,
            @RequestParam(name = "powerOfOrigin", required = false) String powerOfOrigin,
            @RequestParam(name = "encoding", required = false) String encoding, HttpSession session,
            HttpServletResponse response, Locale locale, Model model) {
        Caller caller = importer();
        ImportPageTexts texts = new ImportPageTexts(messages, locale);
        String origin = blankToNull(powerOfOrigin);
        String charset = blankToNull(encoding);
        if (file == null || file.isEmpty()) {
            boolean chosen = file != null && blankToNull(file.getOriginalFilename()) != null;
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return uploadForm(caller, chosen ? texts.fileError("the file is empty")
                    : texts.message("importpage.error.noFile"), origin, charset, model);
        }
        Path saved = ImportController.save(file);
        Path savedEvents = events == null || events.isEmpty() ? null : ImportController.save(events);
        ImportPageUpload upload = new ImportPageUpload(UUID.randomUUID().toString(), saved, savedEvents,
                file.getOriginalFilename(), holdingParty == null ? caller.organisation() : holdingParty.strip(),
                origin, charset);
        try {
            ImportPreview preview = imports.preview(caller, saved, upload.options(false));
            List<String> header = preview.mapping().header();
            Map<String, String> columns = mappings.find(caller.organisation(), header)
                    .filter(remembered -> fits(header, remembered))
                    .orElse(preview.mapping().asColumns());
            upload = upload.withMapping(header, columns, false);
        } catch (ImportFileException e) {
            ImportPageUploads.delete(upload);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return uploadForm(caller, texts.fileError(e.getMessage()), origin, charset, model);
        } catch (InvalidInputException e) {
            ImportPageUploads.delete(upload);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            boolean holding = e.errors().stream().anyMatch(error -> error.field().equals("holdingParty"));
            return uploadForm(caller, texts.message(holding ? "importpage.error.holdingParty"
                    : "importpage.error.options"), origin, charset, model);
        } catch (RuntimeException e) {
            ImportPageUploads.delete(upload);
            throw e;
        }
        ImportPageUploads.add(session, upload);
        return "redirect:/imports/uploads/" + upload.token();
    }

    private String uploadForm(Caller caller, String error, String origin, String encoding, Model model) {
        model.addAttribute("holdingParty", caller.organisation());
        model.addAttribute("holdingPartyName", partyName(caller.organisation()));
        model.addAttribute("origins", registry.organisations().stream()
                .filter(o -> o.kind() == OrganisationKind.PARTY && !o.code().equals(caller.organisation())).toList());
        model.addAttribute("encodings", ENCODINGS);
        model.addAttribute("maxBytes", maxFileBytes);
        model.addAttribute("origin", origin);
        model.addAttribute("encoding", encoding);
        model.addAttribute("error", error);
        return "interchange/import-new";
    }

    // ---------- Column mapping ----------

    /** A column of the file on the mapping screen: its header, the field it goes to, and its first values. */
    record ColumnMappingRow(int index, String header, String field, List<String> samples) {
    }

    /** A choice of the mapping screen's selects: a field and its label. */
    record ColumnMappingChoice(String field, String label) {
    }

    @GetMapping("/imports/uploads/{token}")
    String mapping(@PathVariable String token, HttpSession session, HttpServletResponse response, Locale locale,
            Model model) {
        Caller caller = importer();
        ImportPageUpload upload = upload(session, token);
        return mappingScreen(caller, upload, upload.columns(), null, response, locale, model);
    }

    /** The language switch of a mapping screen sent back with an error asks for its URL: the screen itself. */
    @GetMapping("/imports/uploads/{token}/mapping")
    String mappingAgain(@PathVariable String token) {
        importer();
        return "redirect:/imports/uploads/" + token;
    }

    @PostMapping("/imports/uploads/{token}/mapping")
    String saveMapping(@PathVariable String token, @RequestParam Map<String, String> parameters,
            HttpSession session, HttpServletResponse response, Locale locale, Model model) {
        Caller caller = importer();
        ImportPageUpload upload = upload(session, token);
        ImportPageTexts texts = new ImportPageTexts(messages, locale);
        Map<String, String> columns = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        String error = null;
        for (int i = 0; i < upload.header().size(); i++) {
            String field = blankToNull(parameters.get("column." + i));
            if (field == null) {
                continue;
            }
            if (!ImportColumns.PERSON_FIELDS.contains(field)) {
                error = texts.message("importpage.mapping.unknown", upload.header().get(i));
                continue;
            }
            if (!taken.add(field) && error == null) {
                error = texts.message("importpage.mapping.twice", texts.label(field));
            }
            columns.put(upload.header().get(i), field);
        }
        if (error == null && !columns.containsValue("surname") && !columns.containsValue("prisoner_number")) {
            error = texts.message("importpage.mapping.noKey", texts.label("surname"), texts.label("prisoner_number"));
        }
        if (error == null && !fits(upload.header(), columns)) {
            error = texts.message("importpage.mapping.duplicateHeader");
        }
        if (error != null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return mappingScreen(caller, upload, columns, error, response, locale, model);
        }
        mappings.remember(caller, upload.header(), columns);
        ImportPageUploads.replace(session, upload.withMapping(upload.header(), columns, true));
        return "redirect:/imports/uploads/" + token + "/preview";
    }

    private String mappingScreen(Caller caller, ImportPageUpload upload, Map<String, String> columns, String error,
            HttpServletResponse response, Locale locale, Model model) {
        ImportPageTexts texts = new ImportPageTexts(messages, locale);
        ImportPreview preview;
        try {
            preview = imports.preview(caller, upload.file(), upload.options(false));
        } catch (ImportFileException e) {
            return unreadable(caller, e, response, texts, model);
        }
        List<ColumnMappingRow> rows = new ArrayList<>();
        for (int i = 0; i < upload.header().size(); i++) {
            int column = i;
            List<String> samples = preview.rows().stream().limit(3)
                    .map(r -> column < r.cells().size() ? r.cells().get(column) : "")
                    .filter(s -> s != null && !s.isBlank()).toList();
            rows.add(new ColumnMappingRow(i, upload.header().get(i), columns.get(upload.header().get(i)), samples));
        }
        model.addAttribute("upload", upload);
        model.addAttribute("format", texts.format(preview.format()));
        model.addAttribute("columns", rows);
        model.addAttribute("choices", ImportColumns.PERSON_FIELDS.stream()
                .map(f -> new ColumnMappingChoice(f, texts.label(f))).toList());
        model.addAttribute("remembered", mappings.find(caller.organisation(), upload.header())
                .filter(columns::equals).isPresent());
        model.addAttribute("error", error);
        return "interchange/import-mapping";
    }

    // ---------- Preview ----------

    /** A row of the preview: its line, the name as written and its language, the other values, its problems. */
    record ImportPageRow(long line, String name, String nameLanguage, List<ImportPageValue> values,
            List<String> problems, List<String> warnings) {
    }

    /** A value of a preview's row: the field's label and the value as read. */
    record ImportPageValue(String label, String value) {
    }

    @GetMapping("/imports/uploads/{token}/preview")
    String preview(@PathVariable String token, HttpSession session, HttpServletResponse response, Locale locale,
            Model model) {
        Caller caller = importer();
        ImportPageUpload upload = upload(session, token);
        if (!upload.confirmed()) {
            return "redirect:/imports/uploads/" + token;
        }
        ImportPageTexts texts = new ImportPageTexts(messages, locale);
        ImportPreview preview;
        try {
            preview = imports.preview(caller, upload.file(), upload.options(false));
        } catch (ImportFileException e) {
            return unreadable(caller, e, response, texts, model);
        }
        Map<String, String> partyNames = new LinkedHashMap<>();
        registry.organisations().forEach(o -> partyNames.put(o.code(), o.name()));
        List<ImportPageRow> rows = preview.rows().stream().map(r -> row(r, texts, partyNames)).toList();
        model.addAttribute("upload", upload);
        model.addAttribute("format", texts.format(preview.format()));
        model.addAttribute("rows", rows);
        model.addAttribute("badRows", rows.stream().filter(r -> !r.problems().isEmpty()).count());
        model.addAttribute("hasEventSheet", preview.hasEventSheet() || upload.eventsFile() != null);
        return "interchange/import-preview";
    }

    private static ImportPageRow row(ImportPreview.Row row, ImportPageTexts texts, Map<String, String> partyNames) {
        Map<String, Object> values = row.values();
        String name = String.join(" ", Stream.of("surname", "given_name", "patronymic")
                .map(values::get).filter(v -> v != null && !v.toString().isBlank()).map(Object::toString).toList());
        List<ImportPageValue> others = new ArrayList<>();
        values.forEach((field, value) -> {
            if (value != null && !Set.of("surname", "given_name", "patronymic", "holding_party").contains(field)) {
                others.add(new ImportPageValue(texts.label(field), texts.value(field, value, partyNames)));
            }
        });
        Object language = values.get("name_language");
        return new ImportPageRow(row.line(), name, language == null ? null : language.toString(), others,
                row.problems().stream().map(texts::problem).toList(),
                row.warnings().stream().map(texts::problem).toList());
    }

    // ---------- Start and progress ----------

    @PostMapping("/imports/uploads/{token}/start")
    String start(@PathVariable String token, @RequestParam(name = "skipBadRows", required = false) String skip,
            HttpSession session) {
        Caller caller = importer();
        ImportPageUpload upload = upload(session, token);
        if (!upload.confirmed()) {
            return "redirect:/imports/uploads/" + token;
        }
        ImportPageUploads.take(session, token);
        ImportJob job;
        try {
            job = imports.start(caller, upload.file(), upload.fileName(), upload.eventsFile(),
                    upload.options("true".equals(skip)));
        } catch (RuntimeException e) {
            ImportPageUploads.delete(upload);
            throw e;
        }
        return "redirect:/imports/" + job.id();
    }

    @GetMapping("/imports/{id}")
    String progress(@PathVariable String id, @RequestHeader(name = "HX-Request", required = false) String htmx,
            Locale locale, Model model) {
        Caller caller = importer();
        ImportJob job = imports.status(caller, ImportController.uuid(id));
        ImportPageTexts texts = new ImportPageTexts(messages, locale);
        model.addAttribute("job", job);
        model.addAttribute("percent", percent(job));
        model.addAttribute("rejected", job.rejected().stream().map(texts::problem).toList());
        model.addAttribute("warnings", job.warnings().stream().map(texts::problem).toList());
        // a file that could not be read says why; a file refused for its rows shows them instead
        boolean fileError = job.state() == ImportJob.State.REFUSED && job.message() != null
                && !job.message().matches("\\d+ rows? (was|were) rejected.*");
        model.addAttribute("message", fileError ? texts.fileError(job.message()) : null);
        return htmx != null ? "interchange/import-progress :: status" : "interchange/import-progress";
    }

    @GetMapping(path = "/imports/{id}/rejected.csv")
    void rejectedReport(@PathVariable String id, HttpServletResponse response) throws IOException {
        Caller caller = importer();
        UUID job = ImportController.uuid(id);
        imports.status(caller, job);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"import-" + job + "-rejected.csv\"");
        Writer out = response.getWriter();
        imports.writeRejected(caller, job, out);
        out.flush();
    }

    private static int percent(ImportJob job) {
        if (job.state() == ImportJob.State.DONE) {
            return 100;
        }
        long total = job.progress().totalBytes();
        return total <= 0 ? 0 : (int) Math.min(99, job.progress().bytesRead() * 100 / total);
    }

    // ---------- Helpers ----------

    /** A file that read on upload but not now (with the columns confirmed): back to the upload form, saying why. */
    private String unreadable(Caller caller, ImportFileException e, HttpServletResponse response,
            ImportPageTexts texts, Model model) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return uploadForm(caller, texts.fileError(e.getMessage()), null, null, model);
    }

    /** The caller, if a registrar of a party: only they import (the persons their party holds). */
    private Caller importer() {
        Caller caller = Callers.require();
        importers.requireImporter(caller, caller.organisation());
        return caller;
    }

    private static ImportPageUpload upload(HttpSession session, String token) {
        return ImportPageUploads.get(session, token).orElseThrow(() -> NotFoundException.of(UPLOAD_RECORD, token));
    }

    /** Whether every header the columns name is in the file's header once (a mapping is by header). */
    private static boolean fits(List<String> header, Map<String, String> columns) {
        return columns.keySet().stream()
                .allMatch(h -> header.indexOf(h) >= 0 && header.indexOf(h) == header.lastIndexOf(h));
    }

    private String partyName(String code) {
        return registry.organisations().stream().filter(o -> o.code().equals(code)).map(Organisation::name)
                .findFirst().orElse(code);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
