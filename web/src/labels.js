// PLOVER types with English and Arabic labels and colours (conflict warm, cooperation cool).
export const TYPES = [
  ['AGREE', 'Agree', 'اتفاق', '#1b9e77'],
  ['CONSULT', 'Consult', 'تشاور', '#66c2a5'],
  ['SUPPORT', 'Support', 'دعم', '#2b8cbe'],
  ['CONCEDE', 'Concede', 'تنازل', '#a6bddb'],
  ['COOPERATE', 'Cooperate', 'تعاون', '#0570b0'],
  ['AID', 'Aid', 'مساعدة', '#41ae76'],
  ['RETREAT', 'Retreat', 'انسحاب', '#969696'],
  ['REQUEST', 'Request', 'طلب', '#8c96c6'],
  ['ACCUSE', 'Accuse', 'اتهام', '#fdae6b'],
  ['REJECT', 'Reject', 'رفض', '#fd8d3c'],
  ['THREATEN', 'Threaten', 'تهديد', '#e6550d'],
  ['PROTEST', 'Protest', 'احتجاج', '#c994c7'],
  ['SANCTION', 'Sanction', 'عقوبات', '#756bb1'],
  ['MOBILIZE', 'Mobilize', 'تعبئة', '#dd3497'],
  ['COERCE', 'Coerce', 'إكراه', '#a50f15'],
  ['ASSAULT', 'Assault', 'اعتداء', '#e31a1c'],
];
export const TYPE = Object.fromEntries(TYPES.map(([k, en, ar, c]) => [k, { en, ar, color: c }]));
export const typeColor = (t) => (TYPE[t] ? TYPE[t].color : '#666');
export const typeLabel = (t) => (TYPE[t] ? `${TYPE[t].en} · ${TYPE[t].ar}` : t || '?');

export const QUAD = {
  0: ['unknown', 'غير معروف', '#999'],
  1: ['verbal cooperation', 'تعاون لفظي', '#41ab5d'],
  2: ['material cooperation', 'تعاون مادي', '#2171b5'],
  3: ['verbal conflict', 'نزاع لفظي', '#fd8d3c'],
  4: ['material conflict', 'نزاع مادي', '#cb181d'],
};

export const MENTION = {
  actor: ['actor', 'فاعل'],
  place: ['place', 'مكان'],
  person: ['person', 'شخص'],
  date: ['date', 'تاريخ'],
  number: ['number', 'عدد'],
  nisba: ['nationality', 'نسبة'],
  trigger: ['event trigger', 'مؤشر الحدث'],
  evidence: ['evidence', 'الدليل'],
};
