/** The demo catalog: a three-level category tree, and what its products are made of. */
export interface CategorySeed {
  name: string;
  slug: string;
  description: string;
  children?: CategorySeed[];
  /** Leaf categories: nouns their products are named after. */
  nouns?: string[];
}

export const CATEGORY_TREE: CategorySeed[] = [
  {
    name: "Fashion",
    slug: "fashion",
    description: "Clothing and accessories from independent ateliers.",
    children: [
      {
        name: "Scarves",
        slug: "scarves",
        description: "Scarves, shawls and wraps.",
        children: [
          {
            name: "Silk scarves",
            slug: "silk-scarves",
            description: "Hand-rolled silk.",
            nouns: ["Silk Scarf", "Silk Square", "Bandana"],
          },
          {
            name: "Wool scarves",
            slug: "wool-scarves",
            description: "Warm wool and cashmere.",
            nouns: ["Wool Scarf", "Cashmere Wrap", "Shawl"],
          },
        ],
      },
      {
        name: "Bags",
        slug: "bags",
        description: "Bags for every day and every evening.",
        children: [
          { name: "Tote bags", slug: "tote-bags", description: "Roomy totes.", nouns: ["Tote", "Market Bag", "Shopper"] },
          { name: "Clutches", slug: "clutches", description: "Small evening bags.", nouns: ["Clutch", "Pouch", "Evening Bag"] },
        ],
      },
      {
        name: "Jewellery",
        slug: "jewellery",
        description: "Fine and fashion jewellery.",
        children: [
          { name: "Necklaces", slug: "necklaces", description: "Chains and pendants.", nouns: ["Necklace", "Pendant", "Choker"] },
          { name: "Rings", slug: "rings", description: "Rings for every finger.", nouns: ["Ring", "Signet Ring", "Band"] },
        ],
      },
    ],
  },
  {
    name: "Home",
    slug: "home",
    description: "Objects for a well-made home.",
    children: [
      {
        name: "Lighting",
        slug: "lighting",
        description: "Lamps and lights.",
        children: [
          {
            name: "Table lamps",
            slug: "table-lamps",
            description: "Lamps for desks and tables.",
            nouns: ["Table Lamp", "Desk Lamp", "Reading Light"],
          },
          {
            name: "Pendant lights",
            slug: "pendant-lights",
            description: "Ceiling pendants.",
            nouns: ["Pendant Light", "Lantern", "Chandelier"],
          },
        ],
      },
      {
        name: "Kitchen",
        slug: "kitchen",
        description: "For cooking and the table.",
        children: [
          {
            name: "Tableware",
            slug: "tableware",
            description: "Plates, bowls and cups.",
            nouns: ["Dinner Plate", "Serving Bowl", "Teacup"],
          },
          { name: "Cookware", slug: "cookware", description: "Pots and pans.", nouns: ["Casserole", "Skillet", "Saucepan"] },
        ],
      },
      {
        name: "Textiles",
        slug: "textiles",
        description: "Soft furnishings.",
        children: [
          {
            name: "Cushions",
            slug: "cushions",
            description: "Cushions and covers.",
            nouns: ["Cushion", "Bolster", "Floor Pillow"],
          },
          { name: "Throws", slug: "throws", description: "Blankets and throws.", nouns: ["Throw", "Blanket", "Quilt"] },
        ],
      },
    ],
  },
  {
    name: "Beauty",
    slug: "beauty",
    description: "Skincare and fragrance.",
    children: [
      {
        name: "Skincare",
        slug: "skincare",
        description: "Serums, creams and oils.",
        children: [
          { name: "Serums", slug: "serums", description: "Concentrated care.", nouns: ["Serum", "Face Oil", "Essence"] },
          {
            name: "Creams",
            slug: "creams",
            description: "Moisturisers and balms.",
            nouns: ["Day Cream", "Night Balm", "Hand Cream"],
          },
        ],
      },
      {
        name: "Fragrance",
        slug: "fragrance",
        description: "Perfumes and scented candles.",
        children: [
          {
            name: "Perfumes",
            slug: "perfumes",
            description: "Eaux de parfum.",
            nouns: ["Eau de Parfum", "Perfume Oil", "Cologne"],
          },
          {
            name: "Candles",
            slug: "candles",
            description: "Scented candles.",
            nouns: ["Scented Candle", "Travel Candle", "Diffuser"],
          },
        ],
      },
    ],
  },
];

/** Place names and materials that, with the nouns, make product names: "Zanzibar Silk Scarf". */
export const PLACES = [
  "Zanzibar",
  "Kyoto",
  "Marrakech",
  "Lisbon",
  "Oslo",
  "Havana",
  "Provence",
  "Amalfi",
  "Kerala",
  "Patagonia",
  "Siena",
  "Bergen",
  "Cusco",
  "Tangier",
  "Valencia",
  "Hokkaido",
  "Cornwall",
  "Istanbul",
  "Savannah",
  "Fjord",
];
export const ADJECTIVES = ["Classic", "Midnight", "Golden", "Ivory", "Indigo", "Coral", "Sage", "Amber", "Slate", "Rose"];
export const COLOURS = ["indigo", "ivory", "sage", "amber", "coral", "charcoal"];
export const SIZES = ["S", "M", "L"];

export const SELLERS = [
  { username: "atelier_nova", email: "hello@atelier-nova.example", firstName: "Nova", lastName: "Atelier" },
  { username: "maison_lumen", email: "bonjour@maison-lumen.example", firstName: "Lumen", lastName: "Maison" },
  { username: "verde_home", email: "ciao@verde-home.example", firstName: "Verde", lastName: "Home" },
];
export const CUSTOMERS = ["ada", "grace", "alan", "edsger", "barbara", "ken"].map((name) => ({
  username: `demo_${name}`,
  email: `${name}@customers.example`,
  firstName: name[0]!.toUpperCase() + name.slice(1),
  lastName: "Demo",
}));

/** Both demo passwords are printed by the seed and listed in the README. */
export const DEMO_SELLER_PASSWORD = "demo-Seller-2026";
export const DEMO_CUSTOMER_PASSWORD = "demo-Customer-2026";

export const REVIEW_COMMENTS = [
  "Beautifully made, exactly as pictured.",
  "Good quality for the price.",
  "Arrived quickly and well packed.",
  "The colour is a little different from the photo.",
  "Would buy again.",
  "Not quite what I expected.",
  "A lovely gift.",
];
