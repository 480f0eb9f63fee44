// Export jobs, registered in routes/exports.js.
const jobs = new Map();

export function startExport(req, res) {
  const id = String(jobs.size + 1);
  jobs.set(id, { owner: req.user.id, state: 'queued' });
  res.status(202).json({ id });
}

export function exportStatus(req, res) {
  const job = jobs.get(req.params.id);
  res.json(job ? { state: job.state } : { state: 'unknown' });
}
