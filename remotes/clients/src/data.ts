// Deterministic sample clients: the module needs no network, so every tenant sees the same 40.
export type ClientStatus = 'active' | 'prospect' | 'inactive';
export type Client = { id: string; name: string; email: string; status: ClientStatus; city: string };

const FIRST = ['Northwind', 'Blue Harbor', 'Cedar', 'Granite', 'Silverline', 'Maple', 'Orbit', 'Riverside'];
const LAST = ['Logistics', 'Bakery', 'Dental', 'Studio', 'Partners'];
const CITIES = ['Lyon', 'Porto', 'Gdansk', 'Ghent', 'Bergen', 'Turin', 'Leeds', 'Graz', 'Aarhus'];
const STATUSES: ClientStatus[] = ['active', 'active', 'prospect', 'active', 'inactive'];

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

export const CLIENTS: Client[] = Array.from({ length: 40 }, (_, i) => {
  const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`;
  return {
    id: `c${String(i + 1).padStart(3, '0')}`,
    name,
    email: `hello@${slug(name)}.example`,
    status: STATUSES[(i * 7) % STATUSES.length] ?? 'active',
    city: CITIES[(i * 5) % CITIES.length] ?? 'Lyon',
  };
});

export function findClient(id: string): Client | undefined {
  return CLIENTS.find((c) => c.id === id);
}
