package io.arbiter.cases;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.List;

/** Reads a {@link CaseFile}: the case's own records, one query per table, in one read-only transaction. */
@Singleton
public class CaseFiles {

    private final CaseLineRepository lines;
    private final CaseTerms terms;
    private final CaseEventRepository events;
    private final CaseDeadlineRepository deadlines;
    private final CaseDocumentRepository documents;
    private final CaseReader reader;

    public CaseFiles(CaseLineRepository lines, CaseTerms terms, CaseEventRepository events, CaseDeadlineRepository deadlines,
                     CaseDocumentRepository documents, CaseReader reader) {
        this.lines = lines;
        this.terms = terms;
        this.events = events;
        this.deadlines = deadlines;
        this.documents = documents;
        this.reader = reader;
    }

    @Transactional(readOnly = true)
    public CaseFile of(DisputeCase dc) {
        List<CaseLine> caseLines = lines.findByCaseIdOrderById(dc.getId());
        return new CaseFile(dc, caseLines, terms.forLines(caseLines.stream().map(CaseLine::id).toList()),
                events.findByCaseIdOrderById(dc.getId()), deadlines.findByCaseIdOrderByDueDate(dc.getId()),
                documents.findByCaseIdOrderById(dc.getId()), reader.gates(dc.getId()));
    }
}
