"""PDF cost: median ms per corpus PDF read in-process and in its child process (with the parse), the
forkserver start, and peak memory. Run: .venv/bin/python bench/pdf_cost.py (from the repository root)."""
import pathlib, statistics, sys, time, resource
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from service.formats import PDF
from service.formats.pdf import pdf_to_text, read_pdf
from service.documents import read_document, parse_submission
if __name__ == "__main__":
    pdfs = sorted(pathlib.Path('../shared/corpus').glob('*/source*.pdf'))
    inproc, isolated = [], []
    t=time.perf_counter(); read_pdf(pdfs[0].read_bytes()); first=(time.perf_counter()-t)*1000
    for p in pdfs:
        d = p.read_bytes()
        t=time.perf_counter(); pdf_to_text(d); inproc.append((time.perf_counter()-t)*1000)
        t=time.perf_counter(); parse_submission(read_document(d, PDF)); isolated.append((time.perf_counter()-t)*1000)
    print(f"pdfs {len(pdfs)}: first read incl. forkserver start {first:.0f} ms; median read in-process {statistics.median(inproc):.0f} ms (max {max(inproc):.0f}); read in child + parse {statistics.median(isolated):.0f} ms (max {max(isolated):.0f})")
    print("peak RSS MiB: this process", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss//1024, "children", resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss//1024)
