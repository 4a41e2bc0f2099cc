import { ConnectionList, type Listed } from './connection-list';

class Member implements Listed {
  listIndex = -1;
  constructor(readonly name: string) {}
}

function membersOf(list: ConnectionList<Member>): Member[] {
  const members: Member[] = [];
  list.forEach((m) => members.push(m));
  return members;
}
const names = (list: ConnectionList<Member>) => membersOf(list).map((m) => m.name).sort();

describe('ConnectionList', () => {
  it('adds, removes from any place and keeps the others', () => {
    const list = new ConnectionList<Member>();
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((n) => new Member(n)) as [Member, Member, Member, Member];
    for (const m of [a, b, c, d]) list.add(m);
    expect(list.size).toBe(4);

    expect(list.delete(b)).toBe(true);
    expect(names(list)).toEqual(['a', 'c', 'd']);
    expect(list.delete(d)).toBe(true);
    expect(list.delete(a)).toBe(true);
    expect(names(list)).toEqual(['c']);
    expect(list.size).toBe(1);
    expect(b.listIndex).toBe(-1);
  });

  it('says false for a member removed twice or never added, and changes nothing', () => {
    const list = new ConnectionList<Member>();
    const a = new Member('a');
    const stranger = new Member('x');
    list.add(a);
    list.add(new Member('b'));
    expect(list.delete(a)).toBe(true);
    expect(list.delete(a)).toBe(false);
    expect(list.delete(stranger)).toBe(false);
    expect(names(list)).toEqual(['b']);
  });

  it('lets members leave while the list is walked, visiting each once', () => {
    const list = new ConnectionList<Member>();
    const all = Array.from({ length: 6 }, (_, i) => new Member(String(i)));
    for (const m of all) list.add(m);
    list.delete(all[1]!); // the order inside is no longer the order of adding
    const seen: string[] = [];
    list.forEach((m) => {
      seen.push(m.name);
      if (m.name !== '3') list.delete(m);
    });
    expect(seen.sort()).toEqual(['0', '2', '3', '4', '5']);
    expect(names(list)).toEqual(['3']);
  });

  it('stays consistent through random churn (indices always point back at their member)', () => {
    const list = new ConnectionList<Member>();
    const live = new Set<Member>();
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let i = 0; i < 2000; i++) {
      if (live.size === 0 || next() % 3 !== 0) {
        const m = new Member(String(i));
        list.add(m);
        live.add(m);
      } else {
        const victim = [...live][next() % live.size]!;
        expect(list.delete(victim)).toBe(true);
        live.delete(victim);
      }
      expect(list.size).toBe(live.size);
    }
    expect(new Set(membersOf(list))).toEqual(live);
  });
});
