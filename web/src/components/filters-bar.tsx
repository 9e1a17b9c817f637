/** The filter controls. Options come from the vocabulary and the shapes, never from a list written here. */
import { useEffect, useState } from 'preact/hooks';
import { filters, setFilter, type FilterKey } from '../filters.js';
import { oblastNames } from '../oblast-shapes.js';
import { vocabulary } from '../vocabulary.js';

function Select({ name, label, options }: { name: FilterKey; label: string; options: Array<{ key: string; label: string }> }) {
  return (
    <label>
      {label}
      <select name={name} value={filters.value[name] ?? ''} onChange={(e) => setFilter(name, (e.currentTarget as HTMLSelectElement).value || undefined)}>
        <option value="">all</option>
        {options.map((o) => (
          <option key={o.key} value={o.key}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

function DateInput({ name, label }: { name: 'date_from' | 'date_to'; label: string }) {
  return (
    <label>
      {label}
      <input type="date" name={name} value={filters.value[name] ?? ''} onChange={(e) => setFilter(name, (e.currentTarget as HTMLInputElement).value || undefined)} />
    </label>
  );
}

function Search() {
  const current = filters.value.q ?? '';
  const [text, setText] = useState(current);
  useEffect(() => setText(current), [current]);
  return (
    <form
      class="search"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        setFilter('q', text.trim() || undefined);
      }}
    >
      <label>
        Search reports
        <input type="search" name="q" value={text} placeholder="words in the reports" onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)} />
      </label>
      <button type="submit">Search</button>
    </form>
  );
}

export function FiltersBar() {
  const v = vocabulary.value;
  const any = Object.keys(filters.value).length > 0;
  return (
    <div class="filters" aria-label="Filters">
      <DateInput name="date_from" label="From" />
      <DateInput name="date_to" label="To" />
      <Select name="oblast" label="Oblast" options={oblastNames.value.map((n) => ({ key: n, label: n }))} />
      <Select name="weapon" label="Weapon" options={v?.weapons ?? []} />
      <Select name="facility" label="Facility" options={v?.facilities ?? []} />
      <Select name="utility" label="Utility" options={v?.utilities ?? []} />
      <Select name="status" label="Status" options={v?.statuses ?? []} />
      <Search />
      {any && (
        <button type="button" class="link" onClick={() => (filters.value = {})}>
          Clear filters
        </button>
      )}
    </div>
  );
}
